package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.erratum.platform.mongo.EmbeddedStoreIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Resolved items, kept apart from the active queue in {@value #COLLECTION} (the same documents, the same ids), so the
 * queue's pages, claim-next and their gauges read only what is active however much history there is. An item moves
 * here once its resolution is stored (before or after its event is published), and back to {@code review_items}
 * before any write to it: every write happens there, where the article's unique group key guards a reopening.
 * <p>
 * The embedded store has no transactions, so a move is two writes: the copy in the target, inserted (or replacing an
 * older copy), then the source's copy deleted at the version copied. Between the two, or after a crash between them,
 * both hold the item: {@link #find} takes the newer copy, the history's at the same version. What a crash leaves, a
 * resolved item still in {@code review_items}, the sweep moves on every {@code history-sweep}; the queue's queries
 * never see it meanwhile, as they ask for active states only.
 */
@Component
class ItemHistory implements SchedulingConfigurer {

    static final String COLLECTION = "review_history";

    private static final Logger log = LoggerFactory.getLogger(ItemHistory.class);
    private static final String VERSION = "version";

    private final MongoTemplate mongo;
    private final QueueProperties properties;
    private final boolean embeddedStore;

    ItemHistory(MongoTemplate mongo, QueueProperties properties,
            @Value("${" + EmbeddedStoreIndexes.SETTING + ":false}") boolean embeddedStore) {
        this.mongo = mongo;
        this.properties = properties;
        this.embeddedStore = embeddedStore;
    }

    /**
     * The history's indexes are the queue's own (auto-index creation covers only {@code review_items}): the same
     * queries read it when they ask for resolved items, the relay's and the pending-verifications gauge's included.
     */
    void createIndexes() {
        var indexes = mongo.indexOps(COLLECTION);
        new MongoPersistentEntityIndexResolver(mongo.getConverter().getMappingContext())
                .resolveIndexFor(ReviewItem.class).forEach(index -> indexes.createIndex(index));
        if (embeddedStore) { // as EmbeddedStoreIndexes gives review_items
            indexes.createIndex(new Index().named(VERSION).on("_id", Sort.Direction.ASC)
                    .on(VERSION, Sort.Direction.ASC).unique());
            // every write of an item happens in review_items (see unpark)
            mongo.indexOps(ReviewItem.class).createIndex(ItemStore.asReadIndex());
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweep, properties.historySweep());
    }

    /**
     * The item by id, wherever it is: an active item is in {@code review_items} only; a resolved one is in the
     * history, or in both for the moment a move takes, or in {@code review_items} until the sweep after a crash.
     *
     * @return null when there is no such item
     */
    ReviewItem find(String id) {
        ReviewItem active = mongo.findById(id, ReviewItem.class);
        if (active != null && active.state() != ItemState.RESOLVED) {
            return active; // the history holds resolved copies only, each older than any later active one
        }
        ReviewItem resolved = mongo.findById(id, ReviewItem.class, COLLECTION);
        return resolved != null && (active == null || resolved.version() >= active.version()) ? resolved : active;
    }

    /** Moves the item to the history if it is resolved; after its resolution (or any later write) is stored. */
    void park(String id) {
        move(id, mongo.getCollectionName(ReviewItem.class), COLLECTION);
    }

    /** Brings a resolved item back to {@code review_items}, before a write to it; nothing when it is there already. */
    void unpark(String id) {
        move(id, COLLECTION, mongo.getCollectionName(ReviewItem.class));
    }

    /**
     * Moves every resolved item still in {@code review_items} to the history: those a crash left, and, at the upgrade,
     * all of them (see {@link ItemStorageMigration}).
     *
     * @return how many it moved
     */
    long sweep() {
        Query resolved = Query.query(where("state").is(ItemState.RESOLVED));
        resolved.fields().include("_id");
        List<Document> left = mongo.find(resolved, Document.class, mongo.getCollectionName(ReviewItem.class));
        left.forEach(item -> park(item.getObjectId("_id").toHexString()));
        if (!left.isEmpty()) {
            log.info("Moved {} resolved review item(s) to the history", left.size());
        }
        return left.size();
    }

    /**
     * The raw document moves, so that fields outside {@link ReviewItem} (the SLA metrics' flags) move with it. Every
     * step is by id, or by id and version (flat, so the embedded store's {@code {_id, version}} index serves it): a
     * move costs the same however many items either collection holds. A copy whose source changed meanwhile is taken
     * back: the source's newer version is the item, and moves on its own.
     */
    private void move(String id, String from, String to) {
        Document item = mongo.findById(id, Document.class, from);
        if (item == null || COLLECTION.equals(to) && !ItemState.RESOLVED.name().equals(item.getString("state"))) {
            return;
        }
        long version = versionOf(item);
        Document there = mongo.findById(id, Document.class, to);
        try {
            if (there == null) {
                mongo.insert(item, to);
            } else if (versionOf(there) < version) {
                mongo.replace(atVersion(item.get("_id"), versionOf(there)), item, to);
            }
        } catch (DuplicateKeyException anotherMoveInsertedItFirst) {
            // the same version, or a newer one: the source's copy is stale either way
        }
        if (mongo.remove(atVersion(item.get("_id"), version), from).getDeletedCount() == 0
                && mongo.findById(id, Document.class, from) != null) {
            mongo.remove(atVersion(item.get("_id"), version), to);
        }
    }

    private static long versionOf(Document item) {
        return item.get(VERSION) instanceof Number number ? number.longValue() : 0;
    }

    private static Query atVersion(Object id, long version) {
        return Query.query(ItemStore.atVersion(id, version));
    }

    /**
     * Items from both collections in the page order, for a page that asks for resolved items as well as active ones:
     * each read as far as the page reaches, and an item in both for a moment counted once, as its newer copy.
     */
    List<ReviewItem> across(Query query, long skip, int limit) {
        Map<String, ReviewItem> newest = new LinkedHashMap<>();
        for (String collection : List.of(mongo.getCollectionName(ReviewItem.class), COLLECTION)) {
            for (ReviewItem item : mongo.find(Query.of(query).limit((int) skip + limit), ReviewItem.class,
                    collection)) {
                newest.merge(item.id(), item, (a, b) -> b.version() >= a.version() ? b : a);
            }
        }
        List<ReviewItem> ordered = new ArrayList<>(newest.values());
        ordered.sort(Comparator.comparingDouble(ReviewItem::priority).reversed()
                .thenComparing(ReviewItem::createdAt).thenComparing(ReviewItem::id));
        return ordered.stream().skip(skip).limit(limit).toList();
    }
}
