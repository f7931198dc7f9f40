package org.erratum.review.queue;

import org.erratum.events.ReportSubmitted.Category;

/** How bad the worst signal on an item is. An item's severity only ever rises while it is open. */
public enum Severity {
    LOW, NORMAL, HIGH, URGENT;

    /** What one report says on its own: a safety concern (e.g. a wrong dose) is always urgent. */
    static Severity of(Category category) {
        return switch (category) {
            case SAFETY_CONCERN -> URGENT;
            case INACCURATE -> HIGH;
            case OUT_OF_DATE, QUESTIONABLE_SOURCE, BROKEN_REFERENCE, OTHER -> NORMAL;
        };
    }

    /** Many readers flagging the same article is itself a signal, whatever they chose. */
    static Severity of(Category category, int reportCount, int highAtReports) {
        Severity own = of(category);
        return reportCount >= highAtReports && own.compareTo(HIGH) < 0 ? HIGH : own;
    }

    Severity atLeast(Severity other) {
        return other == null || compareTo(other) >= 0 ? this : other;
    }
}
