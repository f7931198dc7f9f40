package org.erratum.review.console;

/**
 * The sign-off page: the article as the review service knows it, and the item the sign-off closes, if any.
 *
 * @param lastReviewedBy the clinician of the previous sign-off, "name, credentials"
 * @param lastSignedOff  the revision the last sign-off recorded here vouched for; null when there was none
 * @param diff           what changed since that revision (everything, without one), up to the current revision
 * @param article        the whole current revision, which a sign-off vouches for
 */
record SignOffPage(String articleId, String title, int currentRevision, When lastReviewedAt, String lastReviewedBy,
        String nextReviewDue, String itemId, Integer lastSignedOff, RevisionDiff diff, ItemPage.Revision article) {
}
