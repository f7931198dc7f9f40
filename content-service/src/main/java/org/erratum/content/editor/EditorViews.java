package org.erratum.content.editor;

import java.util.List;

import org.erratum.content.article.Article;
import org.erratum.content.article.ArticleContent;
import org.erratum.content.page.ArticleBody;
import org.erratum.content.reviewitem.TrackedItem;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.events.ReviewItemChanged.ReportedPassage;

/** The view models of the article editor page, besides the form itself. */
final class EditorViews {

    private EditorViews() {
    }

    /** The article as its page would show it with what the form holds now. */
    record Preview(String title, String summary, List<String> authors, ArticleBody body) {

        static Preview of(ArticleContent content) {
            return new Preview(content.title(), content.summary(), content.authors(),
                    ArticleBody.of(content.sections(), content.references()));
        }
    }

    /**
     * The review item a correction answers, with what readers reported, beside the form.
     *
     * @param consoleUrl the item's page in the review console
     * @param known      whether its state has reached this service yet (it travels on {@code review.items})
     */
    record ItemPanel(String itemId, String consoleUrl, boolean known, boolean resolved, int reportCount,
            List<Passage> passages) {

        static ItemPanel of(String itemId, String consoleUrl, TrackedItem item) {
            if (item == null) {
                return new ItemPanel(itemId, consoleUrl, false, false, 0, List.of());
            }
            return new ItemPanel(itemId, consoleUrl, true, !item.open(), item.reportCount(),
                    item.passages().stream().map(Passage::of).toList());
        }
    }

    /** A passage a reader quoted, with the revision they read and what kind of problem they reported. */
    record Passage(int revision, String category, String text) {

        static Passage of(ReportedPassage passage) {
            return new Passage(passage.revision(), label(passage.category()), passage.passage());
        }

        private static String label(Category category) {
            if (category == null) {
                return "Reported";
            }
            return switch (category) {
                case INACCURATE -> "Inaccurate";
                case OUT_OF_DATE -> "Out of date";
                case QUESTIONABLE_SOURCE -> "Questionable source";
                case BROKEN_REFERENCE -> "Broken reference";
                case SAFETY_CONCERN -> "Safety concern";
                case OTHER -> "Other";
            };
        }
    }

    /**
     * Another editor saved a revision while this one edited: what they saved, and where to see it.
     *
     * @param yours      the revision this editor started from
     * @param compareUrl the history page comparing {@code yours} with the current revision
     */
    record Conflict(int yours, int current, String editor, When at, String changeSummary, String compareUrl) {

        static Conflict of(Article current, int yours) {
            return new Conflict(yours, current.revision(), current.latestRevision().editor(),
                    When.of(current.latestRevision().at()), current.latestRevision().changeSummary(),
                    "/editor/articles/" + current.id() + "/history?from=" + yours + "&to=" + current.revision());
        }
    }

    /** After saving a correction that answers a review item: the way back to it in the console. */
    record Answered(String itemId, String consoleUrl) {
    }
}
