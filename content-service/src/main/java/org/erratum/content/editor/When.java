package org.erratum.content.editor;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** An instant as the editor's pages show it: in UTC, so that editors in different places read the same time. */
record When(String iso, String text) {

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    static When of(Instant instant) {
        return instant == null ? null : new When(instant.toString(), TEXT.format(instant));
    }
}
