package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The front of the queue, so that claim-next reads a few items by id instead of sorting every waiting item: the
 * embedded store serves no index but {@code _id} and unique ones, so any other query reads the whole collection.
 * <p>
 * One document ({@value #COLLECTION}) holds two lines in the queue's order: the first waiting items of all (what a
 * senior reviewer may take) and the first unescalated ones (what anyone may). Each line keeps a floor: every waiting
 * item it takes that is ordered before the floor is in the line (no floor: every one is). The items are the truth and
 * the head only a cache of them: claim-next reads each entry's item by id and takes it only if it still stands as the
 * entry says, so the head never changes which item is claimed, only how fast it is found. Whatever the head cannot
 * vouch for is read from the items as before and the head rebuilt from them: when it is missing or marked stale, when
 * a line ran dry above its floor, and while a lease may have run out (a claimed item whose lease ran out is claimable,
 * without any write to tell the head).
 * <p>
 * Every write of an item is {@link #sync}ed into the head after it: the head is read first, then the item, and the
 * head is written back only at the version read, so of two writers to it the later one's view of the item wins. A
 * write whose sync a crash lost is still in the item's outbox, and the relay syncs it again when it publishes it; a
 * start marks the head stale as well, for whatever a crash left.
 */
@Component
class QueueHead {

    static final String COLLECTION = "queue_head";

    private static final String ID = "queue";
    private static final String PRIORITY = "priority";
    private static final String CREATED_AT = "createdAt";
    private static final String LEASE = "leaseExpiresAt";

    /**
     * How many items a line keeps: a line drained by claims costs one read of every waiting item to fill again, while
     * every write of an item rewrites the head. Fifty keeps both rare and small.
     */
    static final int SIZE = 50;

    /** Each failed write of the head means another writer's sync or rebuild came first; they are quick. */
    private static final int MAX_ATTEMPTS = 10;

    private static final Comparator<Entry> ORDER = Comparator.comparingDouble(Entry::priority).reversed()
            .thenComparing(Entry::createdAt).thenComparing(Entry::itemId);

    private final MongoTemplate mongo;

    QueueHead(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The most pressing item this reviewer may claim now, as read from the items; null when there is none. The
     * caller still claims it at the version read: a head read while another reviewer claims the same item only costs
     * a retry.
     */
    ReviewItem next(Staff who, Instant now) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Head head = mongo.findById(ID, Head.class);
            if (head == null || head.stale() || head.line(who).drained() || head.leaseMayHaveRunOut(now)) {
                head = rebuilt();
                if (head == null || head.leaseMayHaveRunOut(now)) {
                    break; // another writer changed the head meanwhile, or a lease may have run out: ask the items
                }
            }
            Line line = head.line(who);
            if (line.entries().isEmpty()) {
                return null; // not drained, so every waiting item this reviewer may take is in the line: none
            }
            Entry first = line.entries().get(0);
            ReviewItem item = mongo.findById(first.itemId(), ReviewItem.class);
            if (first.equals(entryOf(item, waiting(who.senior())))) {
                return item;
            }
            sync(first.itemId()); // written since the head last saw it, its sync not done yet (or lost): then again
        }
        return mongo.findOne(Query.query(ReviewItem.waitingFor(who, now)).with(ItemQueries.PAGE_ORDER),
                ReviewItem.class);
    }

    /**
     * Brings the head up to date with the item as it stands now: placed in, moved within or taken out of each line.
     * Idempotent, so a write may be synced more than once (the relay syncs it again). When other writers keep coming
     * first, the head is marked stale instead, and the next claim rebuilds it.
     */
    void sync(String itemId) {
        syncAll(List.of(itemId));
    }

    /** {@link #sync} for several items at once: one read of the head, one of the items, one write back. */
    void syncAll(Collection<String> itemIds) {
        if (itemIds.isEmpty()) {
            return;
        }
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Head head = mongo.findById(ID, Head.class);
            if (head == null || head.stale()) {
                markStale(); // so that a rebuild reading the items meanwhile, maybe before this write, is not stored
                return;
            }
            // read after the head: see the class comment
            Map<String, ReviewItem> items = new HashMap<>();
            mongo.find(Query.query(where("_id").in(itemIds)), ReviewItem.class)
                    .forEach(item -> items.put(item.id(), item));
            Head synced = head;
            for (String itemId : itemIds) {
                synced = synced.with(itemId, items.get(itemId));
            }
            if (synced.sameQueueAs(head) || replaced(head, synced)) {
                return;
            }
        }
        markStale();
    }

    /**
     * Rebuilds the head ahead of the claims that would otherwise rebuild it: when a line ran low above its floor, or
     * a lease may have run out. The lease sweep calls it, after returning the items whose lease ran out.
     */
    void topUp(Instant now) {
        Head head = mongo.findById(ID, Head.class);
        if (head == null || head.stale() || head.leaseMayHaveRunOut(now) || head.seniors().low()
                || head.everyone().low()) {
            rebuilt();
        }
    }

    /** At start, what a crash left unsynced is unknown: the first claim rebuilds the head from the items. */
    @EventListener(ApplicationReadyEvent.class)
    void markStale() {
        marked();
    }

    /** @return the head, marked stale: every sync from now on counts its version up until a rebuild is stored */
    private Head marked() {
        return mongo.findAndModify(Query.query(where("_id").is(ID)), new Update().set("stale", true).inc("version", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Head.class);
    }

    /**
     * Marks the head stale first, then reads the items, then stores what they say only at the version marked: a
     * write whose item the reads may have missed has counted the version up by then (its sync found the head stale,
     * or changed it), so the rebuild is not stored and the items answer instead.
     *
     * @return the head as rebuilt from the items, or null when a sync or another rebuild came meanwhile
     */
    private Head rebuilt() {
        Head old = marked();
        Head fresh = new Head(ID, old.version() + 1, lineOf(true), lineOf(false), earliestLease(), false);
        return replaced(old, fresh) ? fresh : null;
    }

    private boolean replaced(Head old, Head fresh) {
        return mongo.replace(Query.query(where("_id").is(ID).and("version").is(old.version())), fresh)
                .getMatchedCount() == 1;
    }

    /**
     * The line's first items as the items stand, one more than it keeps to set its floor. Only what places them is
     * read: the embedded store then answers with copies, not with documents a concurrent write may be changing.
     */
    private Line lineOf(boolean seniors) {
        Criteria waiting = where("state").in(Transition.CLAIM.from());
        Query first = Query.query(seniors ? waiting : waiting.and("escalated").is(false))
                .with(ItemQueries.PAGE_ORDER).limit(SIZE + 1);
        first.fields().include(PRIORITY, CREATED_AT);
        List<Entry> entries = mongo.find(first, org.bson.Document.class, mongo.getCollectionName(ReviewItem.class))
                .stream().map(item -> new Entry(item.getObjectId("_id").toHexString(),
                        item.get(PRIORITY, Number.class).doubleValue(), item.getDate(CREATED_AT).toInstant()))
                .toList();
        return entries.size() > SIZE ? new Line(entries.subList(0, SIZE), entries.get(SIZE))
                : new Line(entries, null);
    }

    private Instant earliestLease() {
        Query earliest = Query.query(where("state").is(ItemState.CLAIMED).and(LEASE).ne(null)).with(Sort.by(LEASE))
                .limit(1);
        earliest.fields().include(LEASE);
        org.bson.Document first = mongo.findOne(earliest, org.bson.Document.class,
                mongo.getCollectionName(ReviewItem.class));
        return first == null ? null : first.getDate(LEASE).toInstant();
    }

    /** Which items a line takes: those waiting for a reviewer, and for a line of anyone's only unescalated ones. */
    private static Predicate<ReviewItem> waiting(boolean seniors) {
        return item -> item.waitsForClaim() && (seniors || !item.escalated());
    }

    /** @return the item's entry in a line that takes such items, or null when the line has no place for it */
    private static Entry entryOf(ReviewItem item, Predicate<ReviewItem> takes) {
        return item == null || !takes.test(item) ? null
                : new Entry(item.id(), item.priority(), item.createdAt());
    }

    /** One item in a line: what places it in the queue's order. */
    record Entry(String itemId, double priority, Instant createdAt) {
    }

    /**
     * @param entries the line's first items, in the queue's order
     * @param floor   null when every item the line takes is in it; else every such item ordered before it is
     */
    record Line(List<Entry> entries, Entry floor) {

        /** Claims took every item it had, and others wait beyond it. */
        boolean drained() {
            return entries.isEmpty() && floor != null;
        }

        /** Claims took half of what it keeps, and others wait beyond it. */
        boolean low() {
            return floor != null && entries.size() < SIZE / 2;
        }

        /** @param placed the item's entry, or null when the line takes it no more (claimed, resolved, escalated) */
        Line with(String itemId, Entry placed) {
            List<Entry> kept = new ArrayList<>(entries.stream().filter(e -> !e.itemId().equals(itemId)).toList());
            Entry newFloor = floor;
            if (placed != null && (floor == null || ORDER.compare(placed, floor) < 0)) {
                int at = 0;
                while (at < kept.size() && ORDER.compare(kept.get(at), placed) < 0) {
                    at++;
                }
                kept.add(at, placed);
                if (kept.size() > SIZE) {
                    newFloor = kept.remove(kept.size() - 1); // beyond the line now, and so is everything after it
                }
            }
            return new Line(List.copyOf(kept), newFloor);
        }
    }

    /**
     * @param version          counts every write, which matches the version read
     * @param leasesRunOutFrom no lease of a claimed item runs out before this (null: nothing is claimed): claims
     *                         only lower it, as a renewal or a release leaves it early, which costs only a rebuild
     * @param stale            whether the head may be missing a write: rebuilt before it is read
     */
    @Document(COLLECTION)
    record Head(@Id String id, long version, Line seniors, Line everyone, Instant leasesRunOutFrom, boolean stale) {

        Line line(Staff who) {
            return who.senior() ? seniors : everyone;
        }

        boolean leaseMayHaveRunOut(Instant now) {
            return leasesRunOutFrom != null && leasesRunOutFrom.isBefore(now);
        }

        /** The head with the item as read: null when it is in the active queue no more. */
        Head with(String itemId, ReviewItem item) {
            Instant lease = leasesRunOutFrom;
            if (item != null && item.state() == ItemState.CLAIMED && item.leaseExpiresAt() != null
                    && (lease == null || item.leaseExpiresAt().isBefore(lease))) {
                lease = item.leaseExpiresAt();
            }
            return new Head(id, version + 1, seniors.with(itemId, entryOf(item, waiting(true))),
                    everyone.with(itemId, entryOf(item, waiting(false))), lease, stale);
        }

        /** Whether both say the same of the queue, whatever their versions. */
        boolean sameQueueAs(Head other) {
            return seniors.equals(other.seniors) && everyone.equals(other.everyone)
                    && Objects.equals(leasesRunOutFrom, other.leasesRunOutFrom);
        }
    }
}
