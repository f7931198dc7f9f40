package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PriorityTests {

    private final QueueProperties defaults = new QueueProperties(Duration.ofMinutes(15), Duration.ofSeconds(30), 5,
            null, 20, 1, 90, 400, 20, 50, Duration.ofMinutes(1));

    @Test
    void oneUrgentReportOutranksManyOrdinaryOnes() {
        assertThat(defaults.priority(Severity.URGENT, 1, 0, 0)).isGreaterThan(defaults.priority(Severity.HIGH, 200, 90, 0));
    }

    @Test
    void moreReportsAndOverdueReviewsRankHigherWithinASeverity() {
        assertThat(defaults.priority(Severity.NORMAL, 3, 0, 0)).isGreaterThan(defaults.priority(Severity.NORMAL, 1, 0, 0));
        assertThat(defaults.priority(Severity.NORMAL, 1, 30, 0)).isGreaterThan(defaults.priority(Severity.NORMAL, 1, 0, 0));
    }

    @Test
    void overdueDaysCountOnlyUpToTheCapAndNotBeforeTheDueDate() {
        assertThat(defaults.priority(Severity.LOW, 0, 500, 0)).isEqualTo(defaults.priority(Severity.LOW, 0, 90, 0));
        assertThat(defaults.priority(Severity.LOW, 0, -40, 0)).isEqualTo(defaults.priority(Severity.LOW, 0, 0, 0));
    }

    @Test
    void aRevisionReadersFindUnhelpfulRanksAboveAnEquallySevereOne() {
        assertThat(defaults.priority(Severity.NORMAL, 0, 0, 0.2)).isEqualTo(defaults.priority(Severity.NORMAL, 0, 0, 0) + 80);
    }

    @Test
    void weightsAreConfiguration() {
        var custom = new QueueProperties(Duration.ofMinutes(15), Duration.ofSeconds(30), 5,
                java.util.Map.of(Severity.URGENT, 5000.0), 20, 1, 90, 400, 20, 50, Duration.ofMinutes(1));
        assertThat(custom.priority(Severity.URGENT, 0, 0, 0)).isEqualTo(5000.0);
        assertThat(custom.priority(Severity.HIGH, 0, 0, 0)).isEqualTo(200.0);
    }
}
