package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.erratum.events.ErratumEvent;
import org.erratum.events.ReviewItemChanged;
import org.erratum.events.Topics;
import org.erratum.platform.outbox.Outbox;
import org.erratum.platform.outbox.OutboxStore;
import org.erratum.platform.outbox.Outboxes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The review items' outbox ({@code review-items}): each item keeps the {@code review.items} events of its changes
 * that Kafka has not acknowledged yet, oldest first, written by the same atomic update as the change. An event
 * leaves the item once Kafka acknowledged it. Consumers keep the highest version per item, so an event published
 * twice, or an older one after a newer, changes nothing.
 */
final class ItemOutbox implements OutboxStore<ItemOutbox.Entry> {

    private static final String PENDING_SINCE = "outbox.occurredAt";

    private final MongoTemplate mongo;
    private final QueueHead head;

    ItemOutbox(MongoTemplate mongo, QueueHead head) {
        this.mongo = mongo;
        this.head = head;
    }

    /** One pending event of an item. */
    record Entry(String itemId, ReviewItemChanged event) {
    }

    /** The item's pending events, oldest first. */
    static List<Entry> entriesOf(ReviewItem item) {
        return item.outbox().stream().map(event -> new Entry(item.id(), event)).toList();
    }

    /**
     * The events of the items whose oldest pending event is the oldest, at most {@code limit} items of each
     * collection: a resolved item moves to the {@link ItemHistory} with the events Kafka did not acknowledge. Each
     * such item is synced into the {@link QueueHead} again first: a write the relay publishes may be one whose sync a
     * crash lost.
     */
    @Override
    public List<Entry> pending(Instant storedBefore, int limit) {
        Query waiting = Query.query(where(PENDING_SINCE).lte(storedBefore)).with(Sort.by(PENDING_SINCE)).limit(limit);
        List<ReviewItem> items = collections().stream()
                .flatMap(collection -> mongo.find(waiting, ReviewItem.class, collection).stream()).toList();
        items.forEach(item -> head.sync(item.id()));
        return items.stream().flatMap(item -> entriesOf(item).stream()).toList();
    }

    private List<String> collections() {
        return List.of(mongo.getCollectionName(ReviewItem.class), ItemHistory.COLLECTION);
    }

    @Override
    public ErratumEvent eventOf(Entry entry) {
        return entry.event();
    }

    /** Not a change of the item: its version stays, so no write computed from it is refused for this. */
    @Override
    public List<Entry> markPublished(List<Entry> acknowledged) {
        for (Entry entry : acknowledged) {
            // by key, where the item is: the active collection first, where it is unless resolved. While a move
            // holds it in both, the other copy keeps the event, which the relay sends once more (readers go by version)
            for (String collection : collections()) {
                if (mongo.updateFirst(Query.query(where("_id").is(entry.itemId())),
                        new Update().pull("outbox", new Document("version", entry.event().version())),
                        ReviewItem.class, collection).getMatchedCount() == 1) {
                    break;
                }
            }
        }
        return List.of();
    }

    /** Counts items with events waiting, not the events. */
    @Override
    public Backlog backlog() {
        Query pending = Query.query(where("outbox.0").exists(true));
        long depth = collections().stream().mapToLong(collection -> mongo.count(pending, collection)).sum();
        if (depth == 0) {
            return Backlog.NONE;
        }
        Query oldestFirst = Query.query(where(PENDING_SINCE).exists(true)).with(Sort.by(PENDING_SINCE)).limit(1);
        Optional<Instant> oldest = collections().stream()
                .flatMap(collection -> mongo.find(oldestFirst, ReviewItem.class, collection).stream())
                .flatMap(item -> item.outbox().stream().limit(1)).map(ReviewItemChanged::occurredAt)
                .min(Instant::compareTo);
        return new Backlog(depth, oldest);
    }

    @Configuration(proxyBeanMethods = false)
    static class Declaration {

        @Bean
        Outbox<Entry> itemOutbox(Outboxes outboxes, MongoTemplate mongo, QueueHead head) {
            return outboxes.create("review-items", outboxes.topic(Topics.ITEMS).build(), new ItemOutbox(mongo, head));
        }
    }
}
