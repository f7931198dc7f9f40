package org.erratum.content.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.erratum.events.ArticleChanged.Owner;
import org.erratum.events.ArticleChanged.Significance;
import org.erratum.events.Reviewer;

/** The JSON the API answers with. */
final class ArticleViews {

    private ArticleViews() {
    }

    /**
     * @param medicalReviewer null until the first clinical sign-off
     * @param owner           null until an editor names one
     */
    record ArticleView(String id, String slug, String title, String summary, List<Section> sections,
            List<Reference> references, List<String> authors, int revision, Reviewer medicalReviewer,
            Instant publishedAt, Instant lastModifiedAt, Instant lastReviewedAt, LocalDate nextReviewDue,
            int reviewIntervalMonths, Owner owner, List<String> topics) {

        static ArticleView of(Article a) {
            return new ArticleView(a.id(), a.slug(), a.title(), a.summary(), a.sections(), a.references(),
                    a.authors(), a.revision(), a.lastReviewedBy(), a.publishedAt(), a.lastModifiedAt(),
                    a.lastReviewedAt(), a.nextReviewDue(), a.reviewIntervalMonths(), a.owner(), a.topics());
        }
    }

    /** @param answersItem the review item the revision answers, else null */
    record RevisionSummary(int revision, String changeSummary, Significance significance, Instant at,
            String editor, String answersItem) {

        static RevisionSummary of(RevisionNote note) {
            return new RevisionSummary(note.revision(), note.changeSummary(), note.significance(), note.at(),
                    note.editor(), note.answersItem());
        }
    }

    /** One revision's full text as readers saw it. */
    record RevisionView(String articleId, int revision, String changeSummary, Significance significance,
            Instant at, String editor, String slug, String title, String summary, List<Section> sections,
            List<Reference> references, List<String> authors, String answersItem) {

        static RevisionView of(ArticleRevision r) {
            return new RevisionView(r.articleId(), r.revision(), r.changeSummary(), r.significance(), r.at(),
                    r.editor(), r.slug(), r.title(), r.summary(), r.sections(), r.references(), r.authors(),
                    r.answersItem());
        }
    }
}
