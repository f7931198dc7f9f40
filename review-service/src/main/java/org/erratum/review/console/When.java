package org.erratum.review.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An instant as a page shows it: machine-readable for {@code <time datetime>}, and in UTC for people, because
 * reviewers may sit in different time zones and SLA deadlines must read the same to all of them.
 */
record When(String iso, String text) {

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    static When of(Instant instant) {
        return instant == null ? null : new When(instant.toString(), TEXT.format(instant));
    }
}
