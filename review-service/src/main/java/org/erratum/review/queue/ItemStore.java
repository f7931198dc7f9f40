package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.FindAndModifyOptions.options;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.bson.types.ObjectId;
import org.erratum.events.ReviewItemChanged;
import org.erratum.review.queue.QueueRefusal.ItemNotFound;
import org.erratum.review.queue.QueueRefusal.StaleVersion;
import org.erratum.review.queue.ReviewItem.Activity;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * How every use case of the queue writes an item. Every change is decided on the item as read (the
 * {@link Transition} table says which actions may happen when) and written in one atomic findAndModify that matches
 * only the version read and counts it up, so two reviewers, or two service instances, can never both win. The same
 * write stores the change's {@code review.items} event, carrying the new version, in the item's outbox, which
 * {@link ItemAnnouncer} then publishes or hands to the relay.
 * <p>
 * A reviewer's action sent again (a retry, a double submit) answers as the first did, and changes and announces
 * nothing: see {@link ItemRequest} for how it is recognised. The item as read shows whether it was applied, and the
 * version check makes that hold until the write.
 */
@Component
class ItemStore {

    /** Concurrent writers to one item are rare (its article's events share a partition); a few retries suffice. */
    static final int MAX_ATTEMPTS = 5;

    /** Who the activity log names for what the service does by itself. */
    static final String SYSTEM = "system";

    static final String CLAIM_REQUEST = "claimRequest";

    static final String ACTIVITY_COUNT = "activityCount";

    private static final String VERSION = "version";

    private static final String CLAIMED_BY = "claimedBy";

    private final MongoTemplate mongo;
    private final ItemActivity activity;
    private final ItemAnnouncer announcer;
    private final ItemHistory history;
    private final QueueHead head;
    private final ItemEventsProperties events;
    private final QueueProperties properties;
    private final Clock clock;

    ItemStore(MongoTemplate mongo, ItemActivity activity, ItemAnnouncer announcer, ItemHistory history,
            QueueHead head, ItemEventsProperties events, QueueProperties properties, Clock clock) {
        this.mongo = mongo;
        this.activity = activity;
        this.announcer = announcer;
        this.history = history;
        this.head = head;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** The item, active or resolved (see {@link ItemHistory}). */
    ReviewItem get(String id) {
        return find(id).orElseThrow(() -> new ItemNotFound(id));
    }

    Optional<ReviewItem> find(String id) {
        return Optional.ofNullable(history.find(id));
    }

    /**
     * Applies a change decided on the item as read. The write matches only that version of the item, so the event
     * stored with it describes exactly the state it makes, and a request the item did not show when read cannot have
     * been applied before the write; when another write came first, the item is read and the change decided again,
     * so a report joining meanwhile costs nothing but a retry.
     *
     * @param once   the request to apply once: when the item as read already shows it, nothing is written. Null when
     *               doing it again is wanted (a keyless claim renews) or the system acts
     * @param decide the change to make, or empty when there is none (any more); throws when it is refused
     * @return what was done, or empty when there was nothing to do
     * @throws org.springframework.web.ErrorResponseException 422 when the request's key was used for another request
     */
    Optional<Applied> change(String id, ItemRequest once, Function<ReviewItem, Optional<Change>> decide) {
        for (int attempt = 1; ; attempt++) {
            ReviewItem item = get(id);
            if (once != null && once.appliedTo(item, activity)) {
                return Optional.of(new Applied(item, false));
            }
            Optional<Change> change = decide.apply(item);
            if (change.isEmpty()) {
                return Optional.empty();
            }
            ReviewItem changed = write(item, change.get(), clock.instant());
            if (changed != null) {
                return Optional.of(new Applied(handedOver(changed), true));
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new StaleVersion("Item " + id + " changed meanwhile; reload it and try again");
            }
        }
    }

    /** Adds the request's line to the item's log, whatever its state, once. */
    ReviewItem record(String id, ItemRequest request) {
        return change(id, request, item -> Optional.of(new Change(new Update(), null,
                List.of(request.entry(clock.instant()))))).orElseThrow().item();
    }

    /**
     * The change's log lines are numbered on from the item's and kept in it, the oldest beyond
     * {@code activity-kept} dropped; {@link ItemActivity} stores every line once the write is done.
     *
     * @return the item as written, or null when it is no longer at the version read
     */
    ReviewItem write(ReviewItem item, Change change, Instant now) {
        return write(item, change.update(), change.after() == null ? List.of() : List.of(change.after()),
                change.log(), now);
    }

    /**
     * {@link #write(ReviewItem, Change, Instant)} for several changes in one write (reports joining together): the
     * item's version counts one up for each, and each stores its event, carrying its own version.
     */
    ReviewItem write(ReviewItem item, Update update, List<ItemEvent> after, List<Activity> log, Instant now) {
        List<ReviewItemChanged> announcing = events(item.id(), item.articleId(), item.version(), after, now);
        if (!log.isEmpty()) {
            List<Activity> numbered = new ArrayList<>();
            for (Activity line : log) {
                numbered.add(line.numbered(item.activityCount() + numbered.size() + 1));
            }
            update.push("activity").slice(-properties.activityKept()).each(numbered.toArray())
                    .inc(ACTIVITY_COUNT, numbered.size());
        }
        if (item.state() == ItemState.RESOLVED) {
            history.unpark(item.id()); // written where the group key's index guards a reopening
        }
        ReviewItem written = mongo.findAndModify(asRead(item), touched(update, now, announcing),
                options().returnNew(true), ReviewItem.class);
        if (written != null) {
            activity.archive(written);
        }
        return written;
    }

    /**
     * Opens the article's item with the signal's update.
     *
     * @return the item opened, or null when another writer opened the article's item first
     */
    ReviewItem open(String articleId, Integer openedAtRevision, Update update, List<ItemEvent> after, Instant now) {
        ObjectId id = new ObjectId();
        try {
            return mongo.findAndModify(fresh(id), opening(id, articleId, openedAtRevision, update, after, now),
                    options().upsert(true).returnNew(true), ReviewItem.class);
        } catch (DuplicateKeyException anotherWriterOpenedItFirst) {
            return null;
        }
    }

    /**
     * {@link #write} and {@link #open} for several active items, as one unordered bulk of the same compare-and-sets
     * and inserts, then one read by id of what the items became: two round trips however many items. The bulk says
     * only how many writes matched, not which, so the caller tells from each item as read back whether its change is
     * there: a change that is not there lost to another writer, as when {@link #write} returns null. An opening that
     * met the article's item opened by another writer (a duplicate key) reads back as null, as {@link #open} returns.
     *
     * @return for each write, in order, its item as it stands after the bulk; null for an opening that lost, or an
     *         item no longer in the queue
     */
    List<ReviewItem> writeAll(List<Write> writes, Instant now) {
        if (writes.isEmpty()) {
            return List.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, ReviewItem.class);
        List<String> ids = new ArrayList<>();
        for (Write write : writes) {
            ReviewItem item = write.item();
            if (item == null) {
                ObjectId id = new ObjectId();
                bulk.upsert(fresh(id), opening(id, write.articleId(), write.openedAtRevision(), write.update(),
                        write.after(), now));
                ids.add(id.toHexString());
            } else {
                bulk.updateOne(asRead(item), touched(write.update(), now,
                        events(item.id(), item.articleId(), item.version(), write.after(), now)));
                ids.add(item.id());
            }
        }
        BulkWrites.executeTakingDuplicatesAsDone(bulk);
        Map<String, ReviewItem> written = new HashMap<>();
        mongo.find(Query.query(where("_id").in(ids)), ReviewItem.class).forEach(item -> {
            activity.archive(item);
            written.put(item.id(), item);
        });
        return ids.stream().map(written::get).toList();
    }

    /** Matches no item: the id is new, so an upsert by it only ever inserts, found by {@code _id} on every store. */
    private static Query fresh(ObjectId id) {
        return Query.query(where("_id").is(id));
    }

    /** The signal's update as the opening of the article's item with this id, storing the events announcing it. */
    private Update opening(ObjectId id, String articleId, Integer openedAtRevision, Update update,
            List<ItemEvent> after, Instant now) {
        update.setOnInsert("groupKey", articleId)
                .setOnInsert("articleId", articleId)
                .setOnInsert("state", ItemState.OPEN)
                .setOnInsert("escalated", false)
                .setOnInsert("openedAtRevision", openedAtRevision)
                .setOnInsert(ACTIVITY_COUNT, 0L)
                .setOnInsert("createdAt", now);
        return touched(update, now, events(id.toHexString(), articleId, 0, after, now));
    }

    /**
     * Tells the {@link QueueHead} of the write (before Kafka, so that an outage hides no item from claim-next), then
     * publishes the events it left in the item's outbox and waits for Kafka; the relay retries what Kafka did not
     * acknowledge. A resolved item then moves to the history, with what is left of its outbox. For the consumers'
     * writes (signals joining items): a poll then waits for its items' events, so a backlog drains no faster than
     * Kafka takes its events, and never floods the relay's hand-over.
     */
    ReviewItem announced(ReviewItem written) {
        announcedAll(List.of(written));
        return written;
    }

    /**
     * {@link #announced}, but the events handed to the relay instead of waited for, for one item's change at a time
     * (staff's actions, a lease running out, a fix's verification): the write is stored with its events, which is what
     * the caller's answer promises, and Kafka's acknowledgement is no longer part of it. A resolved item moves to the
     * history first, so that the relay marks the event published in the copy that stays.
     */
    ReviewItem handedOver(ReviewItem written) {
        head.sync(written.id());
        parkIfResolved(written);
        announcer.handOver(written);
        return written;
    }

    /** {@link #announced} for several items, their events sent together and then awaited together. */
    void announcedAll(List<ReviewItem> written) {
        head.syncAll(written.stream().map(ReviewItem::id).toList());
        announcer.announceAll(written);
        written.forEach(this::parkIfResolved);
    }

    private void parkIfResolved(ReviewItem written) {
        if (written.state() == ItemState.RESOLVED) {
            history.park(written.id());
        }
    }

    /** The events of the changes a write makes to an item read at {@code version}, each carrying its own version. */
    private List<ReviewItemChanged> events(String id, String articleId, long version, List<ItemEvent> after,
            Instant now) {
        List<ReviewItemChanged> announcing = new ArrayList<>();
        for (ItemEvent event : after) {
            announcing.add(event.build(id, articleId, version + announcing.size() + 1, now, events.passages()));
        }
        return announcing;
    }

    /** The holder's claim, undone: on release, escalation, lease expiry and resolution. */
    static Update letGo() {
        return new Update().unset(CLAIMED_BY).unset("claimedAt").unset("leaseExpiresAt").unset(CLAIM_REQUEST);
    }

    /**
     * The item only at this version, as flat fields: mongo-java-server serves a query from an index only when the
     * query's fields are exactly the index's (an {@code $and} or {@code $or} around them scans every item). One
     * stored before versions existed has none, which counts as 0; only such an item's first write scans.
     */
    static Criteria atVersion(Object id, long version) {
        Criteria byId = where("_id").is(id);
        return version == 0 ? byId.and(VERSION).in(0L, null) : byId.and(VERSION).is(version);
    }

    /**
     * The item exactly as read: the state, holder and escalation the change was decided on are matched as well as
     * the version, as the embedded store may let a read see a write half done, new version beside old state. All
     * flat fields, so that store's index on exactly these ({@link #asReadIndex}) serves the match.
     */
    static Query asRead(ReviewItem item) {
        return Query.query(atVersion(item.id(), item.version()).and("state").is(item.state()).and("escalated")
                .is(item.escalated()).and(CLAIMED_BY).is(item.claimedBy()));
    }

    /**
     * For the embedded store, which ignores every index but unique ones and uses one only for a query on exactly its
     * fields: {@link #write}'s match, unique as it starts with the id. Real MongoDB serves that match by {@code _id}.
     */
    static Index asReadIndex() {
        return new Index().named("as_read").on("_id", Sort.Direction.ASC).on(VERSION, Sort.Direction.ASC)
                .on("state", Sort.Direction.ASC).on("escalated", Sort.Direction.ASC)
                .on(CLAIMED_BY, Sort.Direction.ASC).unique();
    }

    /**
     * Every write of an item says when, counts its version up (once for each event, once when it has none), and
     * stores the events announcing it, if any.
     */
    private static Update touched(Update update, Instant now, List<ReviewItemChanged> announcing) {
        update.set("updatedAt", now).inc(VERSION, Math.max(1, announcing.size()));
        return announcing.isEmpty() ? update : update.push("outbox").each(announcing.toArray());
    }

    /**
     * One change of an item, decided on the item as read.
     *
     * @param after what the change leaves of the item for {@code review.items}; null for a change no other service
     *              sees (a note, a line in the log)
     * @param log   the activity entries it adds
     */
    record Change(Update update, ItemEvent after, List<Activity> log) {
    }

    /**
     * One write of {@link #writeAll}, logging nothing: a change of the item as read, or, when {@code item} is null, the
     * opening of the article's item.
     *
     * @param openedAtRevision for an opening: the article's revision then, if known
     * @param after            the events of the changes the write makes, one each
     */
    record Write(ReviewItem item, String articleId, Integer openedAtRevision, Update update, List<ItemEvent> after) {
    }

    /**
     * What a request came to.
     *
     * @param item    the item as it stands after it
     * @param changed false when the item already showed the request (a retry, a double submit, or the same request
     *                sent twice at once, which the other attempt applied): nothing was written or announced again
     */
    record Applied(ReviewItem item, boolean changed) {

        /** @return the item, after {@code counted} saw it if this call changed it: a metric counts each change once */
        ReviewItem ifChanged(Consumer<ReviewItem> counted) {
            if (changed) {
                counted.accept(item);
            }
            return item;
        }
    }
}
