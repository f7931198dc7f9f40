package org.erratum.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The article's full current state after a change (event-carried state transfer on a compacted topic), so a new
 * consumer can rebuild its projection from the topic alone.
 *
 * @param version   grows with every change of any kind; consumers ignore a state older than the one they hold
 * @param revision  the content revision; only edits move it, a clinical sign-off does not
 * @param change    what made this state
 * @param latestRevision what the newest revision changed, for corrections logs
 */
public record ArticleChanged(
        UUID eventId,
        Instant occurredAt,
        String articleId,
        long version,
        Change change,
        String slug,
        String title,
        String summary,
        List<Section> sections,
        List<Reference> references,
        List<String> authors,
        int revision,
        RevisionNote latestRevision,
        Reviewer lastReviewedBy,
        Instant publishedAt,
        Instant lastModifiedAt,
        Instant lastReviewedAt,
        LocalDate nextReviewDue,
        int reviewIntervalMonths) implements ErratumEvent {

    public enum Change { CREATED, REVISED, REVIEWED }

    public enum Significance { MINOR, MAJOR }

    public record Section(String heading, String body) {
    }

    /** A cited source; {@code url} may be a web address or a DOI link. */
    public record Reference(String citation, String url) {
    }

    public record RevisionNote(int revision, String changeSummary, Significance significance, Instant at) {
    }
}
