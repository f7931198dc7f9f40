package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SlaTests {

    private final SlaProperties sla = new SlaProperties(null);
    private final Instant now = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void aNewItemIsDueByItsSeveritysTargets() {
        assertThat(sla.claimDue(Severity.URGENT, now, null)).isEqualTo(now.plus(Duration.ofHours(1)));
        assertThat(sla.resolveDue(Severity.URGENT, now, null)).isEqualTo(now.plus(Duration.ofDays(1)));
        assertThat(sla.claimDue(Severity.LOW, now, null)).isEqualTo(now.plus(Duration.ofDays(7)));
    }

    @Test
    void aRiseInSeverityTightensTheClockAndNothingLoosensIt() {
        Instant lowDeadline = sla.claimDue(Severity.LOW, now, null);
        Instant later = now.plus(Duration.ofHours(2));

        assertThat(sla.claimDue(Severity.URGENT, later, lowDeadline)).isEqualTo(later.plus(Duration.ofHours(1)));
        assertThat(sla.claimDue(Severity.LOW, later, now.plus(Duration.ofHours(3))))
                .isEqualTo(now.plus(Duration.ofHours(3)));
    }

    @Test
    void targetsAreConfigurationPerSeverity() {
        var custom = new SlaProperties(Map.of(Severity.URGENT,
                new SlaProperties.Targets(Duration.ofMinutes(30), Duration.ofHours(4))));

        assertThat(custom.claimDue(Severity.URGENT, now, null)).isEqualTo(now.plus(Duration.ofMinutes(30)));
        assertThat(custom.claimDue(Severity.HIGH, now, null)).isEqualTo(now.plus(Duration.ofHours(8)));
    }
}
