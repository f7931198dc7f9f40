package org.erratum.review.console;

import java.time.Duration;

/** How long an item has waited, in the largest whole unit a reviewer cares about. */
final class Ages {

    private Ages() {
    }

    static String describe(Duration age) {
        if (age.toDays() >= 1) {
            return plural(age.toDays(), "day");
        }
        if (age.toHours() >= 1) {
            return plural(age.toHours(), "hour");
        }
        if (age.toMinutes() >= 1) {
            return plural(age.toMinutes(), "minute");
        }
        return "less than a minute";
    }

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
