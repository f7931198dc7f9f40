package org.erratum.content.article;

import org.erratum.events.ArticleChanged.Significance;

/**
 * An editor's next revision of an article.
 *
 * @param expectedRevision the revision the editor started from; a newer one on the server refuses the edit (409)
 * @param settings         owner, review interval and topics; null parts stay as they are
 * @param answersItem      the review item this revision answers, or null
 */
public record ArticleEdit(int expectedRevision, ArticleContent content, ArticleSettings settings,
        String changeSummary, Significance significance, String answersItem) {

    public ArticleEdit {
        settings = settings == null ? ArticleSettings.UNCHANGED : settings;
    }
}
