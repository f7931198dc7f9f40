package org.erratum.review.console;

import java.util.Locale;

/** Enum constants as people read them: {@code SAFETY_CONCERN} becomes "Safety concern". */
final class Labels {

    private Labels() {
    }

    static String of(Enum<?> value) {
        if (value == null) {
            return "";
        }
        String words = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
