package org.erratum.review.article;

import java.util.List;

import org.erratum.events.ArticleChanged.Section;
import org.erratum.events.ArticleChanged.Significance;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The text of one article revision, so a reviewer reads exactly what the reporting reader saw, and what its editor
 * said of it.
 *
 * @param changeSummary what the editor said the revision changed; null for revisions stored before it was kept
 * @param answersItem   the review item the revision was written to answer ("Correct this article"), or null
 */
@Document("article_revisions")
public record RevisionText(@Id String id, String articleId, int revision, String title, String summary,
        List<Section> sections, String changeSummary, Significance significance,
        @Indexed(sparse = true) String answersItem) {

    static String idOf(String articleId, int revision) {
        return articleId + ":" + revision;
    }
}
