package org.erratum.review.queue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.erratum.events.ReviewItemChanged;
import org.erratum.events.ReviewItemChanged.ReportedPassage;
import org.erratum.review.queue.ReviewItem.Report;
import org.erratum.review.queue.ReviewItem.Resolution;
import org.erratum.review.queue.ReviewItem.SafetyNotice;

/**
 * What a change leaves of an item for {@code review.items}: built from the item as read, then told what the change
 * alters, so the event is known before the write that stores it with the change.
 */
final class ItemEvent {

    private ItemState state;
    private Severity severity;
    private int reportCount;
    private final List<Report> reports;
    private String reportEventId;
    private Instant resolveDueAt;
    private String safetyNotice;
    private Resolution resolution;

    private ItemEvent(ItemState state, Severity severity, int reportCount, List<Report> reports,
            Instant resolveDueAt, SafetyNotice safetyNotice, Resolution resolution) {
        this.state = state;
        this.severity = severity;
        this.reportCount = reportCount;
        this.reports = new ArrayList<>(reports == null ? List.of() : reports);
        this.resolveDueAt = resolveDueAt;
        this.safetyNotice = safetyNotice == null ? null : safetyNotice.text();
        this.resolution = resolution;
    }

    /** The item as it stands; a change then says what it alters. */
    static ItemEvent after(ReviewItem item) {
        return new ItemEvent(item.state(), item.severity(), item.reportCount(), item.latestReports(), item.resolveDueAt(),
                item.safetyNotice(), item.resolution());
    }

    /** An item the change opens. */
    static ItemEvent opening() {
        return new ItemEvent(ItemState.OPEN, null, 0, List.of(), null, null, null);
    }

    /** The same state, which a further change then alters apart from this one (several changes in one write). */
    ItemEvent copy() {
        ItemEvent copy = new ItemEvent(state, severity, reportCount, reports, resolveDueAt, null, resolution);
        copy.reportEventId = reportEventId;
        copy.safetyNotice = safetyNotice;
        return copy;
    }

    ItemEvent state(ItemState changed) {
        this.state = changed;
        return this;
    }

    /** @param report the report that joined, or null when another signal did */
    ItemEvent joined(Report report, int reports, Severity changedSeverity, Instant resolveDue) {
        if (report != null) {
            this.reports.add(report);
            this.reportEventId = report.eventId();
        }
        this.reportCount = reports;
        this.severity = changedSeverity;
        this.resolveDueAt = resolveDue;
        return this;
    }

    ItemEvent safetyNotice(String text) {
        this.safetyNotice = text;
        return this;
    }

    /** A resolution ends the SLA and lifts any safety notice. */
    ItemEvent resolved(Resolution closed) {
        this.state = ItemState.RESOLVED;
        this.resolution = closed;
        this.resolveDueAt = null;
        this.safetyNotice = null;
        return this;
    }

    /** Back in the queue with new deadlines: the earlier resolution no longer stands. */
    ItemEvent reopened(ItemState back, Instant resolveDue) {
        this.state = back;
        this.resolution = null;
        this.resolveDueAt = resolveDue;
        return this;
    }

    /**
     * @param passages how many of the newest quoted passages to carry, from the item's latest reports
     */
    ReviewItemChanged build(String itemId, String articleId, long version, Instant at, int passages) {
        return new ReviewItemChanged(eventId(itemId, version), at, articleId, itemId, version,
                ReviewItemChanged.State.valueOf(state.name()),
                severity == null ? null : ReviewItemChanged.Severity.valueOf(severity.name()), reportCount,
                newestPassages(passages), reportEventId, resolveDueAt, safetyNotice,
                resolution == null ? null : new ReviewItemChanged.Resolution(
                        ReviewItemChanged.Outcome.valueOf(resolution.outcome().name()), resolution.revision(),
                        resolution.publicReason(), resolution.duplicateOf(), resolution.at()));
    }

    private List<ReportedPassage> newestPassages(int limit) {
        List<ReportedPassage> newest = new ArrayList<>();
        for (int i = reports.size() - 1; i >= 0 && newest.size() < limit; i--) {
            Report report = reports.get(i);
            if (report.passage() != null && !report.passage().isBlank()) {
                newest.add(new ReportedPassage(report.revision(), report.category(), report.passage()));
            }
        }
        return newest;
    }

    /** One version of one item always has the same event id, so a republished event is recognisably the same. */
    private static UUID eventId(String itemId, long version) {
        return UUID.nameUUIDFromBytes(("review-item:" + itemId + "@" + version).getBytes(StandardCharsets.UTF_8));
    }
}
