package org.erratum.feedback.readout;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The days a CSV export covers, both included, in UTC.
 */
record ExportRange(LocalDate from, LocalDate to) {

    /** The first instant of {@code from}. */
    Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after {@code to}: the range is {@code start() <= acceptedAt < end()}. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    String filename() {
        return "erratum-feedback-" + from + "-to-" + to + ".csv";
    }
}
