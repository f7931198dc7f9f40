package org.erratum.review.queue;

import static org.erratum.review.queue.ItemState.CLAIMED;
import static org.erratum.review.queue.ItemState.ESCALATED;
import static org.erratum.review.queue.ItemState.OPEN;
import static org.erratum.review.queue.ItemState.RESOLVED;

import java.util.EnumSet;
import java.util.Set;

/**
 * The item state machine: the queue checks each change against its row on the item as read, and writes it only
 * if the item is still at the version read, so this table is the single statement of which action may happen when.
 */
enum Transition {
    /** A CLAIMED item whose lease ran out is claimable again; see {@link ReviewQueue#claim}. */
    CLAIM(EnumSet.of(OPEN, ESCALATED)),
    RELEASE(EnumSet.of(CLAIMED)),
    ESCALATE(EnumSet.of(CLAIMED)),
    RESOLVE(EnumSet.of(CLAIMED)),
    NOTE(ItemState.ACTIVE),
    /** A senior reviewer may put a safety notice on the page whoever holds the item, or nobody. */
    SAFETY_NOTICE(ItemState.ACTIVE),
    /**
     * Readers did not find the fix of a REVISED item more helpful: it goes back to the queue, the only way out of
     * RESOLVED (see {@link ReviewQueue#concludeFixVerification}).
     */
    REOPEN(EnumSet.of(RESOLVED));

    private final Set<ItemState> from;

    Transition(Set<ItemState> from) {
        this.from = from;
    }

    Set<ItemState> from() {
        return from;
    }

    boolean allowedFrom(ItemState state) {
        return from.contains(state);
    }

    /** Where an item goes when its holder lets go of it, by release or lease expiry, or when it reopens. */
    static ItemState afterLetGo(boolean escalated) {
        return escalated ? ESCALATED : OPEN;
    }
}
