package org.erratum.content.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.erratum.events.ArticleChanged.ReviewRequest;

/** The date rules of clinical review. */
public final class ReviewSchedule {

    private ReviewSchedule() {
    }

    /**
     * The calendar day (UTC, so every service and reader agrees) a review falls due. A month-end date lands on the
     * last day of the shorter month (31 January + 1 month = 28 or 29 February) rather than spilling into the next.
     */
    public static LocalDate nextReviewDue(Instant reviewedAt, int intervalMonths) {
        if (intervalMonths <= 0) {
            throw new IllegalArgumentException("The review interval must be at least one month: " + intervalMonths);
        }
        return LocalDate.ofInstant(reviewedAt, ZoneOffset.UTC).plusMonths(intervalMonths);
    }

    /**
     * The same, while an editor's review request stands: due on the day it was asked at the latest. An article already
     * overdue keeps its earlier date, which says how long it has been waiting.
     *
     * @param request null when none stands
     */
    public static LocalDate nextReviewDue(Instant reviewedAt, int intervalMonths, ReviewRequest request) {
        LocalDate scheduled = nextReviewDue(reviewedAt, intervalMonths);
        if (request == null) {
            return scheduled;
        }
        LocalDate asked = LocalDate.ofInstant(request.at(), ZoneOffset.UTC);
        return asked.isBefore(scheduled) ? asked : scheduled;
    }

    /**
     * Whether a clinical sign-off answers a review request: one made at or before the sign-off does; one made after
     * it (a request that crossed a late sign-off on the way) still stands.
     */
    public static boolean answers(Instant signedOffAt, ReviewRequest request) {
        return request != null && !request.at().isAfter(signedOffAt);
    }

    /**
     * "Last reviewed" only moves forward: a redelivered or late sign-off must not turn the clock back, and the same
     * sign-off twice changes nothing.
     */
    public static boolean movesLastReviewed(Instant lastReviewedAt, Instant signedOffAt) {
        return lastReviewedAt == null || signedOffAt.isAfter(lastReviewedAt);
    }
}
