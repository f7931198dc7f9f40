package org.erratum.feedback.readout;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import org.erratum.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Reads the readouts' query parameters. They arrive as text and are converted here rather than by Spring, so that
 * every bad value, a missing or malformed one included, is answered with a problem naming its parameter.
 */
@Component
class ReadoutParameters {

    private static final Pattern FOUR_DIGIT_YEAR_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final ReadoutProperties properties;

    ReadoutParameters(ReadoutProperties properties) {
        this.properties = properties;
    }

    /** @param limit absent for the default */
    int limit(String limit) {
        if (limit == null) {
            return properties.defaultLimit();
        }
        String allowed = "must be a whole number from 1 to " + properties.maxLimit();
        try {
            int value = Integer.parseInt(limit.strip());
            if (value < 1 || value > properties.maxLimit()) {
                throw invalid("limit", allowed);
            }
            return value;
        } catch (NumberFormatException notANumber) {
            throw invalid("limit", allowed);
        }
    }

    /** @param days absent for every window */
    List<ReportWindow> windows(String days) {
        if (days == null) {
            return List.of(ReportWindow.values());
        }
        String allowed = "must be 7, 30 or 90, or left out for all three";
        try {
            return List.of(ReportWindow.ofDays(Integer.parseInt(days.strip()))
                    .orElseThrow(() -> invalid("days", allowed)));
        } catch (NumberFormatException notANumber) {
            throw invalid("days", allowed);
        }
    }

    ExportRange exportRange(String from, String to) {
        ExportRange range = new ExportRange(date("from", from), date("to", to));
        if (range.to().isBefore(range.from())) {
            throw invalid("to", "must not be before from (" + range.from() + ")");
        }
        if (ChronoUnit.DAYS.between(range.from(), range.to()) + 1 > properties.exportMaxDays()) {
            throw invalid("to", "must be within " + properties.exportMaxDays()
                    + " days of from, counting both; export a longer period in parts");
        }
        return range;
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(name, "is required, as a date YYYY-MM-DD (UTC)");
        }
        // four-digit years only: ISO dates may also carry a sign and more digits, out to where date arithmetic fails
        if (!FOUR_DIGIT_YEAR_DATE.matcher(value.strip()).matches()) {
            throw invalid(name, "must be a date YYYY-MM-DD (UTC)");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADate) {
            throw invalid(name, "must be a date YYYY-MM-DD (UTC)");
        }
    }

    private static ErrorResponseException invalid(String parameter, String message) {
        return Problems.invalidField(HttpStatus.BAD_REQUEST, parameter, message);
    }
}
