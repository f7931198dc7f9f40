package org.erratum.review.queue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the review queue behaves.
 *
 * @param lease          how long a claim holds before the item goes back to the queue
 * @param leaseSweep     how often expired leases are returned to the queue (and the queue head filled again)
 * @param highAtReports  this many reports on one article make its item at least HIGH
 * @param severityWeight priority points per severity (defaults LOW 0, NORMAL 100, HIGH 200, URGENT 1000)
 * @param reportWeight   priority points per natural-log unit of (1 + report count)
 * @param overdueWeight  priority points per day the article's clinical review is overdue
 * @param overdueCapDays an overdue review adds nothing more beyond this many days
 * @param helpfulnessWeight priority points per unit the smoothed helpfulness score is below its threshold
 * @param reportSample   how many of its newest reports an item keeps in itself (the console's first page of reports,
 *                       and the passages {@code review.items} carries); every report is stored apart as well
 * @param activityKept   how many of its latest activity lines an item keeps in itself (the console's first page of
 *                       the log); every line is stored apart as well
 * @param historySweep   how often resolved items that a crash left among the active ones move to the history
 */
@Validated
@ConfigurationProperties("erratum.review.queue")
public record QueueProperties(
        @DefaultValue("15m") @NotNull Duration lease,
        @DefaultValue("30s") @NotNull Duration leaseSweep,
        @DefaultValue("5") @Positive int highAtReports,
        Map<Severity, Double> severityWeight,
        @DefaultValue("20") @PositiveOrZero double reportWeight,
        @DefaultValue("1") @PositiveOrZero double overdueWeight,
        @DefaultValue("90") @PositiveOrZero int overdueCapDays,
        @DefaultValue("400") @PositiveOrZero double helpfulnessWeight,
        @DefaultValue("20") @Positive @Max(MAX_REPORT_SAMPLE) int reportSample,
        @DefaultValue("50") @Min(MIN_ACTIVITY_KEPT) @Max(MAX_ACTIVITY_KEPT) int activityKept,
        @DefaultValue("1m") @NotNull Duration historySweep) {

    /**
     * A write adds a line or two; the item must keep a few writes' lines until they are stored apart (see
     * {@link ItemActivity}), and the latest for recognising a retry without a key.
     */
    static final int MIN_ACTIVITY_KEPT = 10;

    static final int MAX_ACTIVITY_KEPT = 500;

    /** Each report is at most a few kilobytes of reader text: a hundred keep an item far below any document limit. */
    static final int MAX_REPORT_SAMPLE = 100;

    public QueueProperties {
        Map<Severity, Double> weights = new EnumMap<>(
                Map.of(Severity.LOW, 0.0, Severity.NORMAL, 100.0, Severity.HIGH, 200.0, Severity.URGENT, 1000.0));
        if (severityWeight != null) {
            weights.putAll(severityWeight);
        }
        severityWeight = Map.copyOf(weights);
    }

    /**
     * priority = severityWeight[severity] + reportWeight × ln(1 + reports) + overdueWeight × min(daysOverdue, cap)
     * + helpfulnessWeight × (threshold − score, when below). The queue sorts by priority, then oldest first, so age
     * breaks ties.
     */
    double priority(Severity severity, int reportCount, long daysOverdue, double helpfulnessDeficit) {
        return severityWeight.get(severity) + reportWeight * Math.log1p(reportCount)
                + overdueWeight * Math.min(Math.max(daysOverdue, 0), overdueCapDays)
                + helpfulnessWeight * helpfulnessDeficit;
    }
}
