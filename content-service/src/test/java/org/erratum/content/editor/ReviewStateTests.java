package org.erratum.content.editor;

import java.time.LocalDate;

import org.erratum.content.editor.ReviewState.Badge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewStateTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void aReviewDueBeforeTodayIsOverdue() {
        assertThat(ReviewState.of(null, TODAY.minusDays(1), TODAY, 30).badge()).isEqualTo(Badge.OVERDUE);
    }

    @Test
    void aReviewDueFromTodayToTheEndOfTheWindowIsDueSoon() {
        assertThat(ReviewState.of(null, TODAY, TODAY, 30).badge()).isEqualTo(Badge.DUE_SOON);
        assertThat(ReviewState.of(null, TODAY.plusDays(30), TODAY, 30).badge()).isEqualTo(Badge.DUE_SOON);
    }

    @Test
    void aReviewDueLaterHasNoBadge() {
        assertThat(ReviewState.of(null, TODAY.plusDays(31), TODAY, 30).badge()).isNull();
    }

    @Test
    void datesReadInWordsAndANeverReviewedArticleHasNoLastReview() {
        ReviewState state = ReviewState.of(LocalDate.of(2025, 3, 4), LocalDate.of(2027, 3, 4), TODAY, 30);

        assertThat(state.lastReviewed().text()).isEqualTo("4 March 2025");
        assertThat(state.nextReviewDue().iso()).isEqualTo("2027-03-04");
        assertThat(ReviewState.of(null, TODAY.plusYears(1), TODAY, 30).lastReviewed()).isNull();
        assertThat(Badge.DUE_SOON.label()).isEqualTo("Review due soon");
        assertThat(Badge.DUE_SOON.cssClass()).isEqualTo("badge-due-soon");
    }
}
