package org.erratum.review.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.erratum.events.ReportSubmitted.Category;
import org.erratum.review.queue.ItemState;
import org.erratum.review.queue.ReviewItem;
import org.erratum.review.queue.Severity;
import org.erratum.review.queue.Source;

/** Review items as the queue would hold them, for the console's unit tests. */
final class Items {

    private Items() {
    }

    static ReviewItem item(ItemState state, String claimedBy, Instant leaseExpiresAt, boolean escalated,
            Instant claimDueAt, Instant resolveDueAt, Set<Source> sources, Instant createdAt) {
        return new ReviewItem("item-1", "article-1", "article-1", state, sources, Severity.NORMAL, 100, escalated, 1,
                Map.of(), List.of(), claimedBy, null, leaseExpiresAt, null, claimDueAt, resolveDueAt, null,
                List.of(), createdAt, createdAt, null, 1L, 1, null, null, List.of(), List.of(), Set.of(), 0, null, null, null);
    }

    /** An item with one report of this category. */
    static ReviewItem reported(ItemState state, Category category) {
        return new ReviewItem("item-1", "article-1", "article-1", state, Set.of(Source.READER_REPORT),
                Severity.NORMAL, 100, false, 1, Map.of(category, 1), List.of(), null, null, null, null, null, null,
                null, List.of(), null, null, null, 1L, 1, null, null, List.of(), List.of(), Set.of(), 0, null, null, null);
    }

    static ReviewItem waiting(Instant claimDueAt, Instant resolveDueAt) {
        return item(ItemState.OPEN, null, null, false, claimDueAt, resolveDueAt, Set.of(Source.READER_REPORT),
                claimDueAt);
    }
}
