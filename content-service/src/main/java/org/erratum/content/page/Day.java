package org.erratum.content.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A calendar day (UTC, the days the review schedule uses): {@code iso} for the {@code <time datetime>} attribute,
 * {@code text} for people.
 */
public record Day(String iso, String text) {

    private static final DateTimeFormatter IN_WORDS = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    public static Day of(LocalDate date) {
        return date == null ? null : new Day(date.toString(), IN_WORDS.format(date));
    }

    public static Day of(Instant instant) {
        return instant == null ? null : of(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }
}
