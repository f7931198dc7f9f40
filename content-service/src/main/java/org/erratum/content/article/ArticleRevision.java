package org.erratum.content.article;

import java.time.Instant;
import java.util.List;

import org.erratum.events.ArticleChanged.Significance;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The full text of one revision as readers saw it, kept forever: reports name the revision they are about.
 *
 * @param answersItem the review item the revision answers, else null (and in snapshots kept before it existed)
 */
@Document(ArticleRevision.COLLECTION)
@CompoundIndex(name = "article_revision", def = "{'articleId': 1, 'revision': 1}", unique = true)
public record ArticleRevision(
        @Id String id,
        String articleId,
        int revision,
        String changeSummary,
        Significance significance,
        String editor,
        Instant at,
        String slug,
        String title,
        String summary,
        List<Section> sections,
        List<Reference> references,
        List<String> authors,
        String answersItem) {

    static final String COLLECTION = "article_revisions";

    /** The snapshot of the article's current revision, with an id derived from article and revision. */
    static ArticleRevision of(Article article) {
        RevisionNote note = article.latestRevision();
        return new ArticleRevision(article.id() + ":" + article.revision(), article.id(), article.revision(),
                note.changeSummary(), note.significance(), note.editor(), note.at(), article.slug(), article.title(),
                article.summary(), article.sections(), article.references(), article.authors(),
                note.answersItem());
    }

    public ArticleContent content() {
        return new ArticleContent(title, summary, sections, references, authors);
    }

    public RevisionNote note() {
        return new RevisionNote(revision, changeSummary, significance, editor, at, answersItem);
    }
}
