package org.erratum.content.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.erratum.events.ArticleChanged.Change;
import org.erratum.events.ArticleChanged.Owner;
import org.erratum.events.ArticleChanged.ReviewRequest;
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
 * @param owner          who answers for the content; null until an editor names one (articles stored before owners
 *                       existed have none)
 * @param topics         tags, lower case; empty when none
 * @param reviewRequest  an editor's request for a review now, standing until the next clinical sign-off; null when
 *                       none stands (and on articles stored before requests existed)
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
        boolean announcePending,
        Owner owner,
        @Indexed List<String> topics,
        ReviewRequest reviewRequest) {

    static final String COLLECTION = "articles";

    public Article {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** @param settings with the review interval already decided */
    static Article firstRevision(String id, String slug, ArticleContent content, ArticleSettings settings,
            String editor, Instant now) {
        int interval = settings.reviewIntervalMonths();
        return new Article(id, slug, content.title(), content.summary(), content.sections(), content.references(),
                content.authors(), 1, 1, RevisionNote.firstPublished(editor, now), null, now, now, null,
                ReviewSchedule.nextReviewDue(now, interval), interval, Change.CREATED, now, true,
                settings.owner(), settings.topics(), null);
    }

    /**
     * When a review falls due every {@code intervalMonths}: from the last clinical sign-off, else first publication,
     * and no later than the day a standing review request was made.
     */
    LocalDate nextReviewDueEvery(int intervalMonths) {
        return nextReviewDueWith(intervalMonths, reviewRequest);
    }

    /** The same with this request standing (or none, for null). */
    LocalDate nextReviewDueWith(int intervalMonths, ReviewRequest request) {
        return ReviewSchedule.nextReviewDue(lastReviewedAt != null ? lastReviewedAt : publishedAt, intervalMonths,
                request);
    }

    public ArticleContent content() {
        return new ArticleContent(title, summary, sections, references, authors);
    }
}
