package org.erratum.review.console;

import java.time.Instant;

import org.erratum.review.queue.ItemState;
import org.erratum.review.queue.ReviewItem;
import org.erratum.review.queue.Staff;

/**
 * Which actions the item page offers this reviewer. The queue remains the judge (it answers 409 when a state
 * changed meanwhile or a lesser role tries escalated work); this only keeps buttons off a page where they can
 * never succeed.
 *
 * @param claim      take the item: it waits, or its holder's lease ran out
 * @param renew      this reviewer holds it and may extend the lease by claiming again
 * @param holding    this reviewer holds it: release, escalate, resolve
 * @param seniorOnly the item is escalated and this reviewer is not a senior reviewer
 * @param correct    the item is active: its article may be corrected in the editor
 * @param safetyNotice this senior reviewer may put a safety notice on the article page (or lift it): the item is
 *                   active and a reader reported a safety concern
 */
record Actions(boolean claim, boolean renew, boolean holding, boolean note, boolean signOff, boolean seniorOnly,
        boolean correct, boolean safetyNotice) {

    static Actions of(ReviewItem item, Staff me, Instant now) {
        boolean active = item.state() != ItemState.RESOLVED;
        boolean mine = item.heldBy(me);
        return new Actions(item.waitsForClaim() || item.leaseRanOut(now) && !mine, mine, mine, active, me.senior(),
                active && !item.mayBeWorkedBy(me), active,
                active && me.senior() && item.hasSafetyConcern());
    }
}
