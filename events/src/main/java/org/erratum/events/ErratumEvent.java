package org.erratum.events;

import java.time.Instant;
import java.util.UUID;

/** What every Erratum event carries: its own id (consumers dedupe by it), when it happened, and its article. */
public interface ErratumEvent {

    UUID eventId();

    Instant occurredAt();

    String articleId();
}
