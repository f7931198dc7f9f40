package org.erratum.feedback.outbox;

import java.time.Instant;

import org.erratum.events.ErratumEvent;

/**
 * Feedback stored together with the event that announces it, so accepted feedback survives a Kafka outage: the
 * document is written with {@code published=false} before the event is sent. Documents implementing this keep
 * the fields {@code eventId}, {@code published} and {@code acceptedAt} under those names.
 */
public interface OutboxEntry {

    /** The document id. */
    String id();

    /** The id of the event this document is published as; a replaced document gets a new one. */
    String eventId();

    /** When intake stored it: the outbox's order. */
    Instant acceptedAt();

    /** The event to publish; it carries only what may travel on Kafka. */
    ErratumEvent event();

    /**
     * The trace of the request that stored it ({@link org.erratum.platform.outbox.CurrentTrace}), which its event continues; null when it was
     * stored outside any trace, and its event then starts one of its own.
     */
    String traceparent();
}
