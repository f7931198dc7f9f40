package org.erratum.feedback.article;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.erratum.events.ArticleChanged.Significance;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An article of the projection with the revisions it saw published: what the editorial pages mark on a helpfulness
 * chart, so an editor sees whether a correction helped. Read from the same documents as {@link KnownArticle}.
 *
 * @param notes each revision's note by revision number (as text: a document's keys are strings); one per revision,
 *              so the map grows only as the article is revised
 */
@Document("articles")
public record ArticleHistory(@Id String articleId, String slug, String title, int revision,
        Map<String, Note> notes) {

    static final String NOTES = "notes";

    /**
     * @param at            when the revision was published
     * @param changeSummary what the editor said it changed
     */
    public record Note(Instant at, String changeSummary, Significance significance) {
    }

    /** A revision with its note. */
    public record PublishedRevision(int revision, Instant at, String changeSummary, Significance significance) {
    }

    /** The revisions whose notes this projection holds, oldest first. */
    public List<PublishedRevision> revisions() {
        if (notes == null) {
            return List.of();
        }
        return notes.entrySet().stream()
                .map(note -> new PublishedRevision(Integer.parseInt(note.getKey()), note.getValue().at(),
                        note.getValue().changeSummary(), note.getValue().significance()))
                .sorted(Comparator.comparingInt(PublishedRevision::revision))
                .toList();
    }
}
