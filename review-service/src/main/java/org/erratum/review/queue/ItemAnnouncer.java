package org.erratum.review.queue;

import java.util.List;

import org.erratum.platform.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * Publishes an item's pending {@code review.items} events at once, oldest first, through the {@link ItemOutbox}: the
 * request that changed the item waits for Kafka's acknowledgement, and the outbox's relay publishes whatever is
 * left after a failure, so the item's events still reach its article's partition.
 */
@Component
class ItemAnnouncer {

    private final Outbox<ItemOutbox.Entry> outbox;

    ItemAnnouncer(Outbox<ItemOutbox.Entry> outbox) {
        this.outbox = outbox;
    }

    /**
     * @param item the item as a write left it, with its outbox
     * @return false when Kafka did not acknowledge; the rest stays pending for the relay
     */
    boolean announce(ReviewItem item) {
        return announceAll(List.of(item));
    }

    /** {@link #announce} for several items: every event sent before any acknowledgement is awaited. */
    boolean announceAll(List<ReviewItem> items) {
        return outbox.publishNow(items.stream().flatMap(item -> ItemOutbox.entriesOf(item).stream()).toList());
    }
}
