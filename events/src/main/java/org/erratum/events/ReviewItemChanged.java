package org.erratum.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.erratum.events.ReportSubmitted.Category;

/**
 * A review item's state after a change, for the services that act on the queue's work: the editor shows the
 * passages readers reported, the article page shows a senior reviewer's interim safety notice while it stands, and
 * readers who asked to hear back are told the outcome. Carries no reviewer notes and no reader contact details.
 *
 * @param version       the item's version counter: grows with every change; consumers ignore a state older than
 *                      the one they hold
 * @param reportCount   every report that joined the item
 * @param passages      a bounded sample of the passages readers quoted, newest first
 * @param reportEventId the report whose arrival made this state (it opened or joined the item), else null
 * @param resolveDueAt  when the item is due to be resolved (its SLA), null once resolved
 * @param safetyNotice  the interim notice a senior reviewer put on the article page, null when none stands
 * @param resolution    how the item was resolved, null until it is
 */
public record ReviewItemChanged(
        UUID eventId,
        Instant occurredAt,
        String articleId,
        String itemId,
        long version,
        State state,
        Severity severity,
        int reportCount,
        List<ReportedPassage> passages,
        String reportEventId,
        Instant resolveDueAt,
        String safetyNotice,
        Resolution resolution) implements ErratumEvent {

    public ReviewItemChanged {
        passages = passages == null ? List.of() : List.copyOf(passages);
    }

    public enum State { OPEN, CLAIMED, ESCALATED, RESOLVED }

    public enum Severity { LOW, NORMAL, HIGH, URGENT }

    public enum Outcome { REVISED, NO_CHANGE_NEEDED, SPAM, DUPLICATE }

    /** A passage a reader quoted, with the revision they saw it in. */
    public record ReportedPassage(int revision, Category category, String passage) {
    }

    /**
     * @param revision     the content revision that fixed it, when the outcome is REVISED
     * @param publicReason what readers who asked are told; never the reviewer's internal notes
     * @param duplicateOf  the item this one duplicates, when the outcome is DUPLICATE
     */
    public record Resolution(Outcome outcome, Integer revision, String publicReason, String duplicateOf,
            Instant at) {
    }
}
