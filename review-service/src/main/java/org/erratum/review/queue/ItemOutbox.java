package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.erratum.events.ErratumEvent;
import org.erratum.events.ReviewItemChanged;
import org.erratum.events.Topics;
import org.erratum.platform.outbox.Outbox;
import org.erratum.platform.outbox.OutboxStore;
import org.erratum.platform.outbox.Outboxes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
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
        head.syncAll(items.stream().map(ReviewItem::id).toList());
        return items.stream().flatMap(item -> entriesOf(item).stream()).toList();
    }

    private List<String> collections() {
        return List.of(mongo.getCollectionName(ReviewItem.class), ItemHistory.COLLECTION);
    }

    @Override
    public ErratumEvent eventOf(Entry entry) {
        return entry.event();
    }

    /**
     * Not a change of the item: its version stays, so no write computed from it is refused for this. By key, where
     * the item is: the active collection, unless the item is resolved and moved; a few round trips however many items
     * the batch holds. While a move holds an item in both, the other copy keeps the event, which the relay sends once
     * more (readers go by version).
     */
    @Override
    public List<Entry> markPublished(List<Entry> acknowledged) {
        Map<String, List<Long>> versions = new LinkedHashMap<>();
        acknowledged.forEach(entry -> versions.computeIfAbsent(entry.itemId(), id -> new ArrayList<>())
                .add(entry.event().version()));
        // the ids as the item's mapping stores them (an ObjectId), for a read of the ids alone
        Query present = Query.query(where("_id").in(versions.keySet().stream()
                .map(id -> mongo.getConverter().convertId(id, ObjectId.class)).toList()));
        present.fields().include("_id");
        String active = mongo.getCollectionName(ReviewItem.class);
        Set<String> inQueue = mongo.find(present, Document.class, active).stream()
                .map(item -> item.getObjectId("_id").toHexString()).collect(Collectors.toSet());
        pull(active, versions, inQueue::contains);
        pull(ItemHistory.COLLECTION, versions, id -> !inQueue.contains(id));
        return List.of();
    }

    private void pull(String collection, Map<String, List<Long>> versions, Predicate<String> there) {
        BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, ReviewItem.class, collection);
        int updates = 0;
        for (Map.Entry<String, List<Long>> item : versions.entrySet()) {
            if (there.test(item.getKey())) {
                bulk.updateOne(Query.query(where("_id").is(item.getKey())), new Update().pull("outbox",
                        new Document("version", new Document("$in", item.getValue()))));
                updates++;
            }
        }
        if (updates > 0) {
            bulk.execute();
        }
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
