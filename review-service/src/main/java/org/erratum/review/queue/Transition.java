package org.erratum.review.queue;

import static org.erratum.review.queue.ItemState.CLAIMED;
import static org.erratum.review.queue.ItemState.ESCALATED;
import static org.erratum.review.queue.ItemState.OPEN;
import static org.erratum.review.queue.ItemState.RESOLVED;

import java.util.EnumSet;
import java.util.Set;

import org.erratum.review.queue.QueueRefusal.NotAllowed;

/**
 * The item state machine: each change is checked against its row on the item as read, and written only if the item
 * is still at the version read, so this table is the single statement of which action may happen when, by whom.
 */
enum Transition {
    /** A CLAIMED item whose lease ran out is claimable again; see {@link ReviewItem#claimableBy}. */
    CLAIM(EnumSet.of(OPEN, ESCALATED), false, "take it"),
    RELEASE(EnumSet.of(CLAIMED), true, null),
    ESCALATE(EnumSet.of(CLAIMED), true, null),
    RESOLVE(EnumSet.of(CLAIMED), true, "resolve it"),
    NOTE(ItemState.ACTIVE, false, null),
    /** A senior reviewer may put a safety notice on the page whoever holds the item, or nobody. */
    SAFETY_NOTICE(ItemState.ACTIVE, false, null),
    /** Spam is closed straight from the queue, or by the reviewer who holds it. */
    MARK_AS_SPAM(ItemState.ACTIVE, true, "mark it as spam"),
    /**
     * Readers did not find the fix of a REVISED item more helpful: it goes back to the queue, the only way out of
     * RESOLVED (see {@link Resolutions#concludeFixVerification}).
     */
    REOPEN(EnumSet.of(RESOLVED), false, null);

    private final Set<ItemState> from;
    /** A claimed item is changed this way only by the reviewer who holds it. */
    private final boolean holderOnly;
    /** What an escalated item needs a senior reviewer to do this way; null when the escalation does not matter. */
    private final String seniorsOnly;

    Transition(Set<ItemState> from, boolean holderOnly, String seniorsOnly) {
        this.from = from;
        this.holderOnly = holderOnly;
        this.seniorsOnly = seniorsOnly;
    }

    Set<ItemState> from() {
        return from;
    }

    boolean allowedFrom(ItemState state) {
        return from.contains(state);
    }

    /** Whether this reviewer may make this change on the item as read. */
    boolean allows(ReviewItem item, Staff who) {
        return refusal(item, who) == null;
    }

    /** @throws NotAllowed saying why, when this reviewer may not make this change on the item as read */
    void require(ReviewItem item, Staff who) {
        String refusal = refusal(item, who);
        if (refusal != null) {
            throw new NotAllowed(refusal);
        }
    }

    private String refusal(ReviewItem item, Staff who) {
        if (!allowedFrom(item.state())) {
            return "Cannot " + name().toLowerCase().replace('_', ' ') + " item " + item.id() + " while it is "
                    + item.state();
        }
        if (holderOnly && item.state() == CLAIMED && !item.heldBy(who)) {
            return "Item " + item.id() + " is held by " + item.claimedBy() + ", not by you";
        }
        return seniorsOnly != null && !item.mayBeWorkedBy(who) ? escalatedRefusal(item) : null;
    }

    /** Why this reviewer may not make this change on an escalated item. */
    String escalatedRefusal(ReviewItem item) {
        return "Item " + item.id() + " is escalated: only a senior reviewer may " + seniorsOnly;
    }

    /** Where an item goes when its holder lets go of it, by release or lease expiry, or when it reopens. */
    static ItemState afterLetGo(boolean escalated) {
        return escalated ? ESCALATED : OPEN;
    }
}
