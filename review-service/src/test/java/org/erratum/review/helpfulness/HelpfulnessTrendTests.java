package org.erratum.review.helpfulness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.erratum.platform.helpfulness.SmoothedHelpfulness;
import org.erratum.review.helpfulness.HelpfulnessTrend.RevisionVotes;
import org.erratum.review.helpfulness.HelpfulnessTrend.Tally;
import org.erratum.review.helpfulness.HelpfulnessTrend.Vote;
import org.erratum.review.helpfulness.HelpfulnessTrend.WeekVotes;
import org.junit.jupiter.api.Test;

class HelpfulnessTrendTests {

    private static final SmoothedHelpfulness SMOOTHING = new SmoothedHelpfulness(10, 0.75);

    /** A Wednesday afternoon; its week started on Monday 13 April 2026. */
    private static final Instant NOW = Instant.parse("2026-04-15T15:00:00Z");

    private static Vote vote(String at, boolean helpful) {
        return new Vote(Instant.parse(at), helpful);
    }

    private static List<WeekVotes> weeks(int weeks, Vote... votes) {
        return HelpfulnessTrend.of(List.of(), List.of(votes), SMOOTHING, NOW, weeks).weeks();
    }

    @Test
    void theWindowStartsOnMondayAtMidnightUtcAndIncludesTheCurrentWeek() {
        assertThat(HelpfulnessTrend.windowStart(NOW, 1)).isEqualTo(Instant.parse("2026-04-13T00:00:00Z"));
        assertThat(HelpfulnessTrend.windowStart(NOW, 8)).isEqualTo(Instant.parse("2026-02-23T00:00:00Z"));
        assertThat(HelpfulnessTrend.windowStart(Instant.parse("2026-04-13T00:00:00Z"), 1))
                .as("Monday midnight begins its own week").isEqualTo(Instant.parse("2026-04-13T00:00:00Z"));
        assertThat(HelpfulnessTrend.windowStart(Instant.parse("2026-04-19T23:59:59Z"), 1))
                .as("Sunday night still belongs to the week").isEqualTo(Instant.parse("2026-04-13T00:00:00Z"));
    }

    @Test
    void everyWeekOfTheWindowIsListedOldestFirstAndEmptyWeeksShowZero() {
        List<WeekVotes> weeks = weeks(8);

        assertThat(weeks).hasSize(8);
        assertThat(weeks).extracting(WeekVotes::startsOn).containsExactly(LocalDate.parse("2026-02-23"),
                LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-16"),
                LocalDate.parse("2026-03-23"), LocalDate.parse("2026-03-30"), LocalDate.parse("2026-04-06"),
                LocalDate.parse("2026-04-13"));
        assertThat(weeks).allSatisfy(week -> {
            assertThat(week.votes()).isZero();
            assertThat(week.helpfulPercent()).isZero();
        });
    }

    @Test
    void votesFallInTheWeekTheyWereCastInUtc() {
        List<WeekVotes> weeks = weeks(3,
                vote("2026-04-13T00:00:00Z", true), // Monday midnight: this week
                vote("2026-04-12T23:59:59Z", false), // Sunday night: last week
                vote("2026-04-06T08:00:00Z", true),
                vote("2026-03-30T00:00:00Z", true), // the first moment of the oldest week
                vote("2026-03-29T23:59:59Z", false)); // before the window: left out

        assertThat(weeks).extracting(WeekVotes::startsOn, WeekVotes::votes, WeekVotes::helpfulPercent)
                .containsExactly(
                        tuple(LocalDate.parse("2026-03-30"), 1L, 100),
                        tuple(LocalDate.parse("2026-04-06"), 2L, 50),
                        tuple(LocalDate.parse("2026-04-13"), 1L, 100));
    }

    @Test
    void aVoteStampedAfterNowCountsInTheCurrentWeek() {
        List<WeekVotes> weeks = weeks(2, vote("2026-04-20T00:00:05Z", false));

        assertThat(weeks.get(1).votes()).isEqualTo(1);
        assertThat(weeks.get(1).helpfulPercent()).isZero();
    }

    @Test
    void revisionsAreListedInOrderWithTheirYesAndNoAndTheSmoothedScore() {
        List<Tally> tallies = List.of(new Tally(2, false, 2), new Tally(1, true, 3), new Tally(2, true, 1),
                new Tally(1, false, 1), new Tally(3, true, 4));

        List<RevisionVotes> revisions = HelpfulnessTrend.of(tallies, List.of(), SMOOTHING, NOW, 8).revisions();

        assertThat(revisions).extracting(RevisionVotes::revision, RevisionVotes::yes, RevisionVotes::no,
                RevisionVotes::helpfulPercent).containsExactly(
                tuple(1, 3L, 1L, 75),
                tuple(2, 1L, 2L, 33),
                tuple(3, 4L, 0L, 100));
        // (3 + 10 × 0.75) / (4 + 10), (1 + 7.5) / (3 + 10), (4 + 7.5) / (4 + 10)
        assertThat(revisions.get(0).score()).isCloseTo(10.5 / 14, within(1e-9));
        assertThat(revisions.get(1).score()).isCloseTo(8.5 / 13, within(1e-9));
        assertThat(revisions.get(2).score()).isCloseTo(11.5 / 14, within(1e-9));
    }

    @Test
    void aRevisionWithOnlyNoVotesIsZeroPercentHelpful() {
        RevisionVotes only = HelpfulnessTrend.of(List.of(new Tally(1, false, 5)), List.of(), SMOOTHING, NOW, 8)
                .revisions().get(0);

        assertThat(only.yes()).isZero();
        assertThat(only.helpfulPercent()).isZero();
        assertThat(only.score()).isCloseTo(7.5 / 15, within(1e-9));
    }

    @Test
    void percentagesRoundToTheNearestWholePercentHalvesUp() {
        assertThat(HelpfulnessTrend.percent(2, 3)).isEqualTo(67);
        assertThat(HelpfulnessTrend.percent(1, 3)).isEqualTo(33);
        assertThat(HelpfulnessTrend.percent(1, 8)).as("12.5").isEqualTo(13);
        assertThat(HelpfulnessTrend.percent(1, 200)).as("0.5").isEqualTo(1);
        assertThat(HelpfulnessTrend.percent(1, 201)).as("0.497...").isZero();
        assertThat(HelpfulnessTrend.percent(5, 5)).isEqualTo(100);
        assertThat(HelpfulnessTrend.percent(0, 0)).as("no votes").isZero();
    }

    @Test
    void aTrendNeedsAtLeastOneWeek() {
        assertThatIllegalArgumentException().isThrownBy(() -> HelpfulnessTrend.windowStart(NOW, 0));
    }
}
