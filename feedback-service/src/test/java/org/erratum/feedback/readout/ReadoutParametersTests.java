package org.erratum.feedback.readout;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReadoutParametersTests {

    private final ReadoutParameters parameters = new ReadoutParameters(new ReadoutProperties(20, 100, 366, 1000, 12, 10, java.net.URI.create("http://localhost:8081")));

    @Test
    void limitDefaultsAndIsTakenFromOneToTheMaximum() {
        assertThat(parameters.limit(null)).isEqualTo(20);
        assertThat(parameters.limit("1")).isEqualTo(1);
        assertThat(parameters.limit("100")).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "101", "-1", "ten", "", "1.5", "99999999999" })
    void otherLimitsAreRefusedNamingLimit(String limit) {
        assertRefusedNaming("limit", () -> parameters.limit(limit));
    }

    @Test
    void withoutDaysEveryWindowIsCountedShortestFirst() {
        assertThat(parameters.windows(null)).containsExactly(ReportWindow.LAST_7_DAYS, ReportWindow.LAST_30_DAYS,
                ReportWindow.LAST_90_DAYS);
        assertThat(parameters.windows("30")).containsExactly(ReportWindow.LAST_30_DAYS);
    }

    @ParameterizedTest
    @ValueSource(strings = { "5", "14", "0", "week", "" })
    void daysOtherThanTheThreeWindowsAreRefusedNamingDays(String days) {
        assertRefusedNaming("days", () -> parameters.windows(days));
    }

    @Test
    void exportRangeIncludesBothDaysInUtc() {
        ExportRange range = parameters.exportRange("2024-02-28", "2024-03-01");

        assertThat(range.start()).isEqualTo(Instant.parse("2024-02-28T00:00:00Z"));
        assertThat(range.end()).isEqualTo(Instant.parse("2024-03-02T00:00:00Z"));
        assertThat(range.filename()).isEqualTo("erratum-feedback-2024-02-28-to-2024-03-01.csv");
    }

    @Test
    void exportRangeMayCoverOneDayOrTheMaximum() {
        assertThat(parameters.exportRange("2024-05-01", "2024-05-01").to()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(parameters.exportRange("2023-01-01", "2024-01-01").to()).isEqualTo(LocalDate.of(2024, 1, 1));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", textBlock = """
            NULL,       2024-01-01, from
            '',         2024-01-01, from
            2024-01-01, NULL,       to
            2024-13-01, 2024-12-31, from
            01/02/2024, 2024-12-31, from
            +2024-01-01,2024-12-31, from
            2024-01-01, 2024-02-30, to
            2024-03-02, 2024-03-01, to
            2023-01-01, 2024-01-02, to
            """)
    void badExportRangesAreRefusedNamingTheParameter(String from, String to, String parameter) {
        assertRefusedNaming(parameter, () -> parameters.exportRange(from, to));
    }

    private static void assertRefusedNaming(String parameter, Runnable call) {
        assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(call::run)
                .satisfies(e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getDetail()).startsWith(parameter + ":");
                });
    }
}
