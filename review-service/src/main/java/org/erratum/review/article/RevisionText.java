package org.erratum.review.article;

import java.util.List;

import org.erratum.events.ArticleChanged.Section;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The text of one article revision, so a reviewer reads exactly what the reporting reader saw. */
@Document("article_revisions")
public record RevisionText(@Id String id, String articleId, int revision, String title, String summary,
        List<Section> sections) {

    static String idOf(String articleId, int revision) {
        return articleId + ":" + revision;
    }
}
