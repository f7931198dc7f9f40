package org.erratum.content.editor;

import java.time.LocalDate;

import org.erratum.content.editor.ReviewState.Badge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewStateTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void aReviewDueBeforeTodayIsOverdue() {
        assertThat(ReviewState.of(null, TODAY.minusDays(1), TODAY, 30, null).badge()).isEqualTo(Badge.OVERDUE);
    }

    @Test
    void aReviewDueFromTodayToTheEndOfTheWindowIsDueSoon() {
        assertThat(ReviewState.of(null, TODAY, TODAY, 30, null).badge()).isEqualTo(Badge.DUE_SOON);
        assertThat(ReviewState.of(null, TODAY.plusDays(30), TODAY, 30, null).badge()).isEqualTo(Badge.DUE_SOON);
    }

    @Test
    void aRequestedReviewSaysSoUntilItIsOverdue() {
        ReviewState requested = ReviewState.of(null, TODAY, TODAY, 30, "New NICE guidance on asthma");

        assertThat(requested.badge()).isEqualTo(Badge.REQUESTED);
        assertThat(requested.requestReason()).isEqualTo("New NICE guidance on asthma");
        assertThat(ReviewState.of(null, TODAY.minusDays(3), TODAY, 30, "New NICE guidance").badge())
                .isEqualTo(Badge.OVERDUE);
    }

    @Test
    void aReviewDueLaterHasNoBadge() {
        assertThat(ReviewState.of(null, TODAY.plusDays(31), TODAY, 30, null).badge()).isNull();
    }

    @Test
    void datesReadInWordsAndANeverReviewedArticleHasNoLastReview() {
        ReviewState state = ReviewState.of(LocalDate.of(2025, 3, 4), LocalDate.of(2027, 3, 4), TODAY, 30, null);

        assertThat(state.lastReviewed().text()).isEqualTo("4 March 2025");
        assertThat(state.nextReviewDue().iso()).isEqualTo("2027-03-04");
        assertThat(ReviewState.of(null, TODAY.plusYears(1), TODAY, 30, null).lastReviewed()).isNull();
        assertThat(Badge.DUE_SOON.label()).isEqualTo("Review due soon");
        assertThat(Badge.DUE_SOON.cssClass()).isEqualTo("badge-due-soon");
    }
}
