package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.erratum.platform.web.IdempotencyKey;
import org.erratum.review.queue.ItemStore.Applied;
import org.erratum.review.queue.ItemStore.Change;
import org.erratum.review.queue.QueueRefusal.NotAllowed;
import org.erratum.review.queue.QueueRefusal.StaleVersion;
import org.erratum.review.queue.ReviewItem.Activity;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Who holds an item: claiming it (or the most pressing one), renewing the lease, letting go of it by release or
 * escalation, and taking back items whose lease ran out.
 */
@Service
public class Claims {

    /** Each failed attempt at the next item means another reviewer claimed one, or a report changed it. */
    private static final int MAX_CLAIM_ATTEMPTS = 20;

    static final String CLAIMED = "claimed";

    private final ItemStore store;
    private final QueueHead head;
    private final MongoTemplate mongo;
    private final QueueProperties properties;
    private final QueueMetrics metrics;
    private final Clock clock;

    Claims(ItemStore store, QueueHead head, MongoTemplate mongo, QueueProperties properties, QueueMetrics metrics,
            Clock clock) {
        this.store = store;
        this.head = head;
        this.mongo = mongo;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Claims the most pressing item this reviewer may take, if any, found through the {@link QueueHead}. When another
     * write takes or changes the candidate first, the next most pressing one is tried: every lost race is someone
     * else's success. The key makes a retry answer with the item the first attempt claimed: the claim records the
     * request in the item's unique {@code claimRequest}, so even two attempts at once cannot claim two items.
     */
    public Optional<ReviewItem> claimNext(Staff who, IdempotencyKey key) {
        ItemRequest request = ItemRequest.of(who, CLAIMED, null, Objects.requireNonNull(key));
        for (int attempt = 1; attempt <= MAX_CLAIM_ATTEMPTS; attempt++) {
            Optional<ReviewItem> earlier = claimMadeBy(request);
            if (earlier.isPresent()) {
                return earlier;
            }
            Instant now = clock.instant();
            ReviewItem candidate = head.next(who, now);
            if (candidate == null) {
                return Optional.empty();
            }
            if (!candidate.claimableBy(who, now)) {
                continue; // claimed between matching the query and being read: the embedded store answers so
            }
            ReviewItem claimed;
            try {
                claimed = store.write(candidate, claimChange(candidate, request, now), now);
            } catch (DuplicateKeyException sameRequestClaimedAnotherMeanwhile) {
                return claimMadeBy(request);
            }
            if (claimed != null) {
                return Optional.of(firstClaimMeasured(store.handedOver(claimed)));
            }
        }
        throw new StaleVersion("The queue kept changing while you claimed; try again");
    }

    private Optional<ReviewItem> claimMadeBy(ItemRequest request) {
        // by the unique index alone, which the embedded store serves only for a query of exactly its field
        return Optional.ofNullable(mongo.findOne(Query.query(where(ItemStore.CLAIM_REQUEST).is(request.id())),
                ReviewItem.class)).filter(item -> request.who().username().equals(item.claimedBy()));
    }

    /**
     * Claims the item, or renews this reviewer's claim on it.
     *
     * @param key null when the caller sent none: a retry then renews the claim, which is what it asked for
     */
    public ReviewItem claim(String id, Staff who, IdempotencyKey key) {
        ItemRequest request = ItemRequest.of(who, CLAIMED, null, key);
        // without a key, claiming again is how a holder renews the lease: only a keyed claim is applied once
        return store.change(id, key == null ? null : request, item -> {
            Instant now = clock.instant();
            if (!item.claimableBy(who, now)) {
                throw new NotAllowed(!item.mayBeWorkedBy(who) ? Transition.CLAIM.escalatedRefusal(item)
                        : "Item " + id + " is " + item.state() + (item.claimedBy() == null ? ""
                                : " by " + item.claimedBy() + " until " + item.leaseExpiresAt()));
            }
            return Optional.of(claimChange(item, request, now));
        }).orElseThrow().ifChanged(this::firstClaimMeasured);
    }

    /** Measures the wait for a reviewer once per item: at its first claim, not at renewals or later claims. */
    private ReviewItem firstClaimMeasured(ReviewItem item) {
        if (item.claims() == 1) {
            metrics.firstClaimed(item);
        }
        return item;
    }

    private Change claimChange(ReviewItem item, ItemRequest request, Instant now) {
        Update claim = new Update()
                .set("state", ItemState.CLAIMED)
                .set("claimedBy", request.who().username())
                .set("claimedAt", now)
                .set("leaseExpiresAt", now.plus(properties.lease()))
                .inc("claims", 1);
        if (request.id() != null) {
            claim.set(ItemStore.CLAIM_REQUEST, request.id());
        } else {
            claim.unset(ItemStore.CLAIM_REQUEST);
        }
        return new Change(claim, ItemEvent.after(item).state(ItemState.CLAIMED), List.of(request.entry(now)));
    }

    /** @param key null when the caller sent none */
    public ReviewItem release(String id, Staff who, IdempotencyKey key) {
        ItemRequest request = ItemRequest.of(who, "released", null, key);
        return store.change(id, request, item -> {
            Transition.RELEASE.require(item, who);
            ItemState back = Transition.afterLetGo(item.escalated());
            return Optional.of(new Change(ItemStore.letGo().set("state", back), ItemEvent.after(item).state(back),
                    List.of(request.entry(clock.instant()))));
        }).orElseThrow().item();
    }

    /** Hands the item up to the senior reviewers: the holder lets go of it, and only a senior may take it next. */
    public ReviewItem escalate(String id, Staff who, String reason, IdempotencyKey key) {
        ItemRequest request = ItemRequest.of(who, "escalated", reason, key);
        return store.change(id, request, item -> {
            Transition.ESCALATE.require(item, who);
            return Optional.of(new Change(ItemStore.letGo().set("state", ItemState.ESCALATED).set("escalated", true),
                    ItemEvent.after(item).state(ItemState.ESCALATED), List.of(request.entry(clock.instant()))));
        }).orElseThrow().ifChanged(escalated -> metrics.escalated());
    }

    /**
     * Gives every item whose lease ran out back to the queue, then fills the queue head again if claims drained it.
     * Safe with several instances running it.
     */
    public long returnExpiredLeases() {
        Instant now = clock.instant();
        long returned = 0;
        for (ReviewItem expired : mongo.find(Query.query(where("state").is(ItemState.CLAIMED)
                .and("leaseExpiresAt").lt(now)), ReviewItem.class)) {
            Optional<Applied> back = store.change(expired.id(), null, item -> {
                if (!item.leaseRanOut(now)) {
                    return Optional.empty(); // claimed again or released meanwhile
                }
                ItemState state = Transition.afterLetGo(item.escalated());
                return Optional.of(new Change(ItemStore.letGo().set("state", state), ItemEvent.after(item).state(state),
                        List.of(new Activity("lease expired", ItemStore.SYSTEM, now, null))));
            });
            returned += back.isPresent() ? 1 : 0;
        }
        head.topUp(now);
        return returned;
    }
}
