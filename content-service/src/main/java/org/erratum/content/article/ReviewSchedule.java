package org.erratum.content.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

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
     * "Last reviewed" only moves forward: a redelivered or late sign-off must not turn the clock back, and the same
     * sign-off twice changes nothing.
     */
    public static boolean movesLastReviewed(Instant lastReviewedAt, Instant signedOffAt) {
        return lastReviewedAt == null || signedOffAt.isAfter(lastReviewedAt);
    }
}
