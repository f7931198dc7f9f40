package org.erratum.feedback.intake;

/**
 * What screening looks at in a piece of feedback.
 *
 * @param formToken the signed time the article page was rendered, blank when not sent
 * @param website   the honeypot field, which people never see and so leave empty
 * @param comment   free text, null for a vote
 * @param passage   free text quoted from the article, null when not given
 */
public record Submission(FeedbackKind kind, Sender sender, String articleId, String formToken, String website,
        String comment, String passage) {

    public static Submission vote(Sender sender, String articleId, String formToken, String website) {
        return new Submission(FeedbackKind.VOTE, sender, articleId, formToken, website, null, null);
    }

    public static Submission report(Sender sender, String articleId, String formToken, String website,
            String comment, String passage) {
        return new Submission(FeedbackKind.REPORT, sender, articleId, formToken, website, comment, passage);
    }
}
