package org.erratum.review.console;

/**
 * The sign-off page: the article as the review service knows it, and the item the sign-off closes, if any.
 *
 * @param lastReviewedBy the clinician of the previous sign-off, "name, credentials"
 */
record SignOffPage(String articleId, String title, int currentRevision, When lastReviewedAt, String lastReviewedBy,
        String nextReviewDue, String itemId) {
}
