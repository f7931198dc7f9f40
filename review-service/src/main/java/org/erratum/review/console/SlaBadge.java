package org.erratum.review.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.erratum.review.queue.ItemState;
import org.erratum.review.queue.ReviewItem;

/**
 * One SLA deadline of an item as a badge: "Claim due …" or "Claim breached", likewise for resolving.
 *
 * @param breached the deadline has passed while the item still waits for that step
 */
record SlaBadge(String label, When due, boolean breached) {

    /**
     * The deadlines still ahead of an item: a waiting item must be claimed and resolved, a claimed one resolved,
     * a resolved one nothing. Items queued before SLAs existed have no deadlines and get no badge.
     */
    static List<SlaBadge> of(ReviewItem item, Instant now) {
        List<SlaBadge> badges = new ArrayList<>();
        boolean waiting = item.state() == ItemState.OPEN || item.state() == ItemState.ESCALATED;
        if (waiting && item.claimDueAt() != null) {
            badges.add(badge("Claim", item.claimDueAt(), now));
        }
        if ((waiting || item.state() == ItemState.CLAIMED) && item.resolveDueAt() != null) {
            badges.add(badge("Resolve", item.resolveDueAt(), now));
        }
        return List.copyOf(badges);
    }

    static boolean anyBreached(List<SlaBadge> badges) {
        return badges.stream().anyMatch(SlaBadge::breached);
    }

    private static SlaBadge badge(String step, Instant due, Instant now) {
        boolean breached = due.isBefore(now);
        return new SlaBadge(step + (breached ? " breached" : " due"), When.of(due), breached);
    }
}
