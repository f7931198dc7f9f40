package org.erratum.feedback.readout;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.erratum.events.ReportSubmitted.Category;

/** How the editorial pages write their figures, so a chart's labels and its data table read the same. */
final class Figures {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    private Figures() {
    }

    /** The helpful share in whole percent, half a percent rounding up (in whole numbers, so no float decides it). */
    static int percent(long yes, long votes) {
        return votes == 0 ? 0 : (int) ((200 * yes + votes) / (2 * votes));
    }

    /** "75%", or an en dash while there are no votes. */
    static String share(long yes, long no) {
        return yes + no == 0 ? "–" : percent(yes, yes + no) + "%";
    }

    /** The smoothed score as the review console writes it: two decimals. */
    static String score(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }

    static String day(LocalDate day) {
        return DAY.format(day);
    }

    static String day(Instant instant) {
        return day(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    static String shortDay(LocalDate day) {
        return SHORT_DAY.format(day);
    }

    /** An SVG coordinate or length, with a point whatever the server's locale. */
    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Text for a chart's narrow label column; the data table beside the chart holds it in full. */
    static String shorten(String text, int most) {
        return text.length() <= most ? text : text.substring(0, most - 1).stripTrailing() + "…";
    }

    static String category(Category category) {
        return switch (category) {
            case INACCURATE -> "Inaccurate";
            case OUT_OF_DATE -> "Out of date";
            case QUESTIONABLE_SOURCE -> "Questionable or missing source";
            case BROKEN_REFERENCE -> "Broken reference";
            case SAFETY_CONCERN -> "Safety concern";
            case OTHER -> "Other";
        };
    }
}
