package org.erratum.review.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.erratum.review.queue.Severity;
import org.junit.jupiter.api.Test;

class AgesTests {

    @Test
    void anAgeIsGivenInItsLargestWholeUnit() {
        assertThat(Ages.describe(Duration.ofSeconds(30))).isEqualTo("less than a minute");
        assertThat(Ages.describe(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(Ages.describe(Duration.ofMinutes(150))).isEqualTo("2 hours");
        assertThat(Ages.describe(Duration.ofHours(49))).isEqualTo("2 days");
    }

    @Test
    void enumConstantsReadAsWords() {
        assertThat(Labels.of(Severity.URGENT)).isEqualTo("Urgent");
        assertThat(Labels.of(org.erratum.events.ReportSubmitted.Category.SAFETY_CONCERN)).isEqualTo("Safety concern");
    }
}
