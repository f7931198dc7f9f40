package org.erratum.platform.helpfulness;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class SmoothedHelpfulnessTests {

    private final SmoothedHelpfulness smoothing = new SmoothedHelpfulness(10, 0.75);

    @Test
    void withoutVotesTheScoreIsThePriorRatio() {
        assertThat(smoothing.score(0, 0)).isEqualTo(0.75);
    }

    @Test
    void fewVotesMoveTheScoreOnlyALittle() {
        // (0 + 10 × 0.75) / (0 + 2 + 10)
        assertThat(smoothing.score(0, 2)).isCloseTo(0.625, within(1e-9));
        assertThat(smoothing.score(1, 0)).isCloseTo(8.5 / 11, within(1e-9));
    }

    @Test
    void manyVotesApproachTheirOwnRatio() {
        assertThat(smoothing.score(900, 100)).isCloseTo(0.9, within(0.002));
    }

    @Test
    void oneEarlyNoRanksAboveAWellVotedPoorRevision() {
        assertThat(smoothing.score(0, 1)).isGreaterThan(smoothing.score(300, 700));
    }

    @Test
    void ratioIsTheShareOfHelpfulVotesAndAbsentWithoutVotes() {
        assertThat(SmoothedHelpfulness.ratio(3, 1)).isEqualTo(0.75);
        assertThat(SmoothedHelpfulness.ratio(0, 0)).isNull();
    }

    @Test
    void rejectsAPriorThatCannotBeARatio() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SmoothedHelpfulness(10, 1.5));
        assertThatIllegalArgumentException().isThrownBy(() -> new SmoothedHelpfulness(0, 0.5));
    }
}
