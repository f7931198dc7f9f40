package org.erratum.review.console;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.erratum.platform.web.Problems;
import org.erratum.review.queue.ItemState;
import org.erratum.review.queue.ReviewItem;
import org.erratum.review.queue.Severity;
import org.erratum.review.queue.Source;
import org.springframework.http.HttpStatus;

/**
 * What a reviewer narrowed the queue to. Every part is optional; no state means the items still needing work.
 *
 * @param olderThanDays only items that arrived at least this many days ago
 * @param breached      only items past an SLA deadline
 */
record QueueFilter(ItemState state, Severity severity, Source source, Integer olderThanDays, boolean breached) {

    static final Set<ItemState> NEEDING_WORK = EnumSet.of(ItemState.OPEN, ItemState.CLAIMED, ItemState.ESCALATED);

    QueueFilter {
        if (olderThanDays != null && olderThanDays < 1) {
            throw Problems.invalidField(HttpStatus.BAD_REQUEST, "olderThanDays", "must be a whole number of days, 1 or more");
        }
    }

    Set<ItemState> states() {
        return state == null ? NEEDING_WORK : EnumSet.of(state);
    }

    /** The parts the queue's own query does not cover: source and age. */
    boolean matches(ReviewItem item, Instant now) {
        boolean fromSource = source == null || item.sources() != null && item.sources().contains(source);
        boolean oldEnough = olderThanDays == null
                || item.createdAt() != null && !item.createdAt().isAfter(now.minus(Duration.ofDays(olderThanDays)));
        return fromSource && oldEnough;
    }

    /** Public because the queue page asks, and template expressions call public methods only. */
    public boolean narrowed() {
        return state != null || severity != null || source != null || olderThanDays != null || breached;
    }
}
