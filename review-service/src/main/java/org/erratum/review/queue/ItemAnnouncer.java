package org.erratum.review.queue;

import java.util.List;

import org.erratum.platform.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * Publishes an item's pending {@code review.items} events, oldest first, through the {@link ItemOutbox}: either the
 * writer waits for Kafka's acknowledgement ({@link #announceAll}), or it hands them to the outbox's relay and
 * carries on ({@link #handOver}). Either way the relay publishes whatever is left after a failure, so the item's
 * events still reach its article's partition, in version order.
 */
@Component
class ItemAnnouncer {

    private final Outbox<ItemOutbox.Entry> outbox;

    ItemAnnouncer(Outbox<ItemOutbox.Entry> outbox) {
        this.outbox = outbox;
    }

    /**
     * Hands the item's pending events to the relay, the earlier ones still waiting included (the relay skips what Kafka
     * acknowledged meanwhile): the write that stored them with the change is their durability, and the relay sends
     * each item's events in version order whichever of two writers hands over first. When the hand-over is full or
     * Kafka is away, they wait in the item for the relay's sweep.
     */
    void handOver(ReviewItem item) {
        outbox.handOver(ItemOutbox.entriesOf(item));
    }

    /**
     * Sends the items' pending events, every one before any acknowledgement is awaited, and waits for Kafka.
     *
     * @param items the items as their writes left them, with their outboxes
     * @return false when Kafka did not acknowledge; the rest stays pending for the relay
     */
    boolean announceAll(List<ReviewItem> items) {
        return outbox.publishNow(items.stream().flatMap(item -> ItemOutbox.entriesOf(item).stream()).toList());
    }
}
