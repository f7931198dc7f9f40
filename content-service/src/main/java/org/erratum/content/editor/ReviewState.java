package org.erratum.content.editor;

import java.time.LocalDate;

import org.erratum.content.page.Day;

/**
 * Where an article stands in its clinical review cycle, as the article list shows it. The badge's words carry the
 * meaning; its colour only repeats it.
 *
 * @param lastReviewed null until the first clinical sign-off
 * @param badge        null while the next review is further off than the "due soon" window and none was requested
 * @param requestReason why an editor asked for a review now, while that request stands; else null
 */
record ReviewState(Day lastReviewed, Day nextReviewDue, Badge badge, String requestReason) {

    enum Badge {
        OVERDUE("Review overdue"), REQUESTED("Review requested"), DUE_SOON("Review due soon");

        private final String label;

        Badge(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String cssClass() {
            return "badge-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param dueSoonDays   an article due within this many days of today (today included) is due soon; one due
     *                      before today is overdue
     * @param requestReason the reason of a standing review request, else null; a requested review is due now, so
     *                      it says "requested" rather than "due soon" until it is overdue
     */
    static ReviewState of(LocalDate lastReviewed, LocalDate nextReviewDue, LocalDate today, long dueSoonDays,
            String requestReason) {
        Badge badge = null;
        if (nextReviewDue.isBefore(today)) {
            badge = Badge.OVERDUE;
        } else if (requestReason != null) {
            badge = Badge.REQUESTED;
        } else if (!nextReviewDue.isAfter(today.plusDays(dueSoonDays))) {
            badge = Badge.DUE_SOON;
        }
        return new ReviewState(Day.of(lastReviewed), Day.of(nextReviewDue), badge, requestReason);
    }
}
