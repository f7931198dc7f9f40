package org.erratum.platform.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.erratum.events.ErratumEvent;

/**
 * Where one outbox's entries live: usually the very document whose change the event announces, marked pending by
 * the same single-document write that makes the change, so the change and its event cannot part. A service writes
 * one of these per outbox; {@link Outbox} does the rest.
 *
 * @param <E> an entry: one event waiting for Kafka's acknowledgement, and whatever marking it published needs
 */
public interface OutboxStore<E> {

    /**
     * The oldest pending entries stored before the given instant, oldest first (an article's events share a
     * partition, so this is also their order on it).
     */
    List<E> pending(Instant storedBefore, int limit);

    /** The event an entry is published as; publishing it again gives the same event id. */
    ErratumEvent eventOf(E entry);

    /** The trace the entry's event continues ({@link CurrentTrace}); null for the current one, or a new one. */
    default String traceparentOf(E entry) {
        return null;
    }

    /**
     * Marks entries whose events Kafka acknowledged; nothing else is ever marked.
     *
     * @return the newest state of any entry that changed while its event was on the way and whose newer event must
     *         now be sent after it (a compacted topic keeps only the last record per key); usually none
     */
    List<E> markPublished(List<E> acknowledged);

    /** How many entries wait, and since when the oldest does. */
    Backlog backlog();

    /**
     * @param depth  entries not yet acknowledged by Kafka
     * @param oldest when the oldest of them was stored; empty when there are none
     */
    record Backlog(long depth, Optional<Instant> oldest) {

        public static final Backlog NONE = new Backlog(0, Optional.empty());
    }
}
