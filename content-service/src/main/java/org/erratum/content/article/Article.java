package org.erratum.content.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.erratum.events.ArticleChanged.Change;
import org.erratum.events.Reviewer;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An article's current state. It also serves as its own outbox: the same single-document update that changes the
 * article sets {@code announcePending}, which is cleared only once Kafka acknowledged that exact {@code version}.
 *
 * @param revision       the content revision; only edits move it
 * @param version        grows with every change, sign-offs included; consumers use it to ignore stale states
 * @param latestRevision the note of the current revision
 * @param lastReviewedBy null until the first clinical sign-off
 * @param lastChange     what produced this version
 * @param changedAt      when this version was made
 */
@Document(Article.COLLECTION)
public record Article(
        @Id String id,
        @Indexed(unique = true) String slug,
        String title,
        String summary,
        List<Section> sections,
        List<Reference> references,
        List<String> authors,
        int revision,
        long version,
        RevisionNote latestRevision,
        Reviewer lastReviewedBy,
        Instant publishedAt,
        Instant lastModifiedAt,
        Instant lastReviewedAt,
        LocalDate nextReviewDue,
        int reviewIntervalMonths,
        Change lastChange,
        Instant changedAt,
        boolean announcePending) {

    static final String COLLECTION = "articles";

    static Article firstRevision(String id, String slug, ArticleContent content, int reviewIntervalMonths,
            String editor, Instant now) {
        return new Article(id, slug, content.title(), content.summary(), content.sections(), content.references(),
                content.authors(), 1, 1, RevisionNote.firstPublished(editor, now), null, now, now, null,
                ReviewSchedule.nextReviewDue(now, reviewIntervalMonths), reviewIntervalMonths, Change.CREATED, now,
                true);
    }

    public ArticleContent content() {
        return new ArticleContent(title, summary, sections, references, authors);
    }
}
