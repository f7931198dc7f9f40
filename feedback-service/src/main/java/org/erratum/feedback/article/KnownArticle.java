package org.erratum.feedback.article;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service needs to know of an article, projected from {@code content.articles}.
 *
 * @param title    the article's current title, for staff readouts; null in a projection written before titles were
 *                 kept, until the article next changes
 * @param revision the current content revision; readers may give feedback on it or any earlier one
 * @param version  the version of the article state this projection holds; only a newer state replaces it
 */
@Document("articles")
public record KnownArticle(@Id String articleId, String slug, String title, int revision, long version) {

    public boolean hasRevision(int candidate) {
        return candidate >= 1 && candidate <= revision;
    }
}
