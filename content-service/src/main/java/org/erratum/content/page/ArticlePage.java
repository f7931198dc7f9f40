package org.erratum.content.page;

import java.time.LocalDate;
import java.util.List;

import org.erratum.content.article.Article;
import org.erratum.content.article.RevisionNote;

/**
 * What the article page shows, with dates already in words. Dates are UTC calendar days, the same days the review
 * schedule uses.
 *
 * @param body          the sections, each body already rendered and sanitized, and the references
 * @param reviewedBy    "NAME, CREDENTIALS", or null when no clinician has signed the article off yet
 * @param corrections   the public corrections log, newest first
 * @param safetyNotices the interim notices senior reviewers put on the page while they check it; usually none
 * @param dueForReview  the day the article's review fell due, when that is past or an editor asked for a review
 *                      now; else null
 */
record ArticlePage(String id, String slug, String title, String summary, ArticleBody body, List<String> authors,
        int revision, String reviewedBy, Day lastReviewed, Day nextReviewDue, Day lastModified,
        List<Correction> corrections, List<String> safetyNotices, Day dueForReview) {

    /** @param today the UTC day, as the review schedule counts days */
    static ArticlePage of(Article article, List<RevisionNote> corrections, List<String> safetyNotices,
            LocalDate today) {
        String reviewedBy = article.lastReviewedBy() == null ? null
                : article.lastReviewedBy().name() + ", " + article.lastReviewedBy().credentials();
        return new ArticlePage(article.id(), article.slug(), article.title(), article.summary(),
                ArticleBody.of(article.sections(), article.references()), article.authors(), article.revision(),
                reviewedBy, Day.of(article.lastReviewedAt()), Day.of(article.nextReviewDue()),
                Day.of(article.lastModifiedAt()),
                corrections.stream().map(c -> new Correction(Day.of(c.at()), c.changeSummary())).toList(),
                List.copyOf(safetyNotices), dueForReview(article, today) ? Day.of(article.nextReviewDue()) : null);
    }

    /**
     * Overdue, or asked for by an editor (whose reason is internal: readers are told only that it is due). A page due
     * today is not yet overdue.
     */
    static boolean dueForReview(Article article, LocalDate today) {
        return article.reviewRequest() != null || article.nextReviewDue().isBefore(today);
    }

    record Correction(Day on, String summary) {
    }
}
