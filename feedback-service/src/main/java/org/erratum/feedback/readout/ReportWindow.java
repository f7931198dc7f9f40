package org.erratum.feedback.readout;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The rolling windows the reports readout counts in: the last 7, 30 or 90 days (of 24 hours) before the request. */
enum ReportWindow {

    LAST_7_DAYS(7), LAST_30_DAYS(30), LAST_90_DAYS(90);

    /** The order articles are ranked in: by the 30-day count, ties broken by the most recent, then the longest. */
    static final List<ReportWindow> RANKING = List.of(LAST_30_DAYS, LAST_7_DAYS, LAST_90_DAYS);

    private final int days;

    ReportWindow(int days) {
        this.days = days;
    }

    int days() {
        return days;
    }

    Instant startBefore(Instant now) {
        return now.minus(Duration.ofDays(days));
    }

    /** The {@code days} a request may ask for; the request's binding refuses anything else. */
    static final String DAYS = "7|30|90";
    static final String ALLOWED = "must be 7, 30 or 90, or left out for all three";

    /** @param days one of {@link #DAYS}, or null for every window, shortest first */
    static List<ReportWindow> chosen(String days) {
        if (days == null) {
            return List.of(values());
        }
        int asked = Integer.parseInt(days);
        return Arrays.stream(values()).filter(window -> window.days == asked).toList();
    }
}
