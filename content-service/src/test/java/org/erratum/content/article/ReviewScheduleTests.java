package org.erratum.content.article;

import java.time.Instant;
import java.time.LocalDate;

import org.erratum.events.ArticleChanged.ReviewRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReviewScheduleTests {

    private static final Instant MORNING_OF_1_MARCH_2026 = Instant.parse("2026-03-01T09:30:00Z");

    @Test
    void nextReviewIsDueTheIntervalAfterTheReviewDay() {
        assertThat(ReviewSchedule.nextReviewDue(MORNING_OF_1_MARCH_2026, 24)).isEqualTo(LocalDate.of(2028, 3, 1));
        assertThat(ReviewSchedule.nextReviewDue(MORNING_OF_1_MARCH_2026, 6)).isEqualTo(LocalDate.of(2026, 9, 1));
    }

    @Test
    void reviewDayIsTheUtcCalendarDay() {
        Instant lateEveningInNewYork = Instant.parse("2026-03-01T23:30:00-05:00");

        assertThat(ReviewSchedule.nextReviewDue(lateEveningInNewYork, 1)).isEqualTo(LocalDate.of(2026, 4, 2));
    }

    @Test
    void monthEndLandsOnTheLastDayOfAShorterMonth() {
        assertThat(ReviewSchedule.nextReviewDue(Instant.parse("2026-01-31T12:00:00Z"), 1))
                .isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(ReviewSchedule.nextReviewDue(Instant.parse("2028-01-31T12:00:00Z"), 1))
                .isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(ReviewSchedule.nextReviewDue(Instant.parse("2028-02-29T12:00:00Z"), 12))
                .isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(ReviewSchedule.nextReviewDue(Instant.parse("2026-08-31T12:00:00Z"), 1))
                .isEqualTo(LocalDate.of(2026, 9, 30));
    }

    @Test
    void aStandingReviewRequestMakesTheReviewDueOnTheDayItWasAsked() {
        ReviewRequest asked = new ReviewRequest("New guidance", Instant.parse("2026-09-14T16:00:00Z"), "editor");

        assertThat(ReviewSchedule.nextReviewDue(MORNING_OF_1_MARCH_2026, 24, asked))
                .isEqualTo(LocalDate.of(2026, 9, 14));
        assertThat(ReviewSchedule.nextReviewDue(MORNING_OF_1_MARCH_2026, 24, null)).isEqualTo(LocalDate.of(2028, 3, 1));
        assertThat(ReviewSchedule.nextReviewDue(MORNING_OF_1_MARCH_2026, 3, asked))
                .as("an article already overdue keeps the day it fell due").isEqualTo(LocalDate.of(2026, 6, 1));
    }

    @Test
    void aSignOffAnswersTheRequestsMadeBeforeItButNotALaterOne() {
        Instant signedOff = MORNING_OF_1_MARCH_2026;

        assertThat(ReviewSchedule.answers(signedOff, new ReviewRequest("r", signedOff.minusSeconds(60), "e"))).isTrue();
        assertThat(ReviewSchedule.answers(signedOff, new ReviewRequest("r", signedOff, "e"))).isTrue();
        assertThat(ReviewSchedule.answers(signedOff, new ReviewRequest("r", signedOff.plusSeconds(60), "e")))
                .as("a request that crossed a late sign-off still stands").isFalse();
        assertThat(ReviewSchedule.answers(signedOff, null)).isFalse();
    }

    @Test
    void intervalMustBeAtLeastOneMonth() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReviewSchedule.nextReviewDue(MORNING_OF_1_MARCH_2026, 0));
    }

    @Test
    void firstSignOffMovesLastReviewed() {
        assertThat(ReviewSchedule.movesLastReviewed(null, MORNING_OF_1_MARCH_2026)).isTrue();
    }

    @Test
    void laterSignOffMovesLastReviewed() {
        assertThat(ReviewSchedule.movesLastReviewed(MORNING_OF_1_MARCH_2026,
                MORNING_OF_1_MARCH_2026.plusSeconds(1))).isTrue();
    }

    @Test
    void sameSignOffAgainDoesNotMoveLastReviewed() {
        assertThat(ReviewSchedule.movesLastReviewed(MORNING_OF_1_MARCH_2026, MORNING_OF_1_MARCH_2026)).isFalse();
    }

    @Test
    void olderSignOffDoesNotTurnLastReviewedBack() {
        assertThat(ReviewSchedule.movesLastReviewed(MORNING_OF_1_MARCH_2026,
                MORNING_OF_1_MARCH_2026.minusSeconds(86_400))).isFalse();
    }
}
