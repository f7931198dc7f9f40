package org.erratum.review.signoff;

/**
 * Why a sign-off was refused, in the sign-off's own terms: {@link SignOffProblems} says each in HTTP, as the API's
 * problem details and (through the console's advice) as the console's pages.
 */
public abstract class SignOffRefusal extends RuntimeException {

    SignOffRefusal(String message) {
        super(message);
    }

    /** No article with this id is known here (content-service never announced it). */
    public static final class UnknownArticle extends SignOffRefusal {

        private final String articleId;

        UnknownArticle(String articleId) {
            super("Article " + articleId + " does not exist");
            this.articleId = articleId;
        }

        public String articleId() {
            return articleId;
        }
    }

    /** The revision the clinician reviewed was never published. */
    public static final class UnpublishedRevision extends SignOffRefusal {

        UnpublishedRevision(int latest) {
            super("is not a published revision of this article (latest is " + latest + ")");
        }

        /** The request's field that is wrong. */
        public String field() {
            return "revision";
        }
    }

    /** The account has no clinical name and credentials, which every sign-off carries. */
    public static final class NotAClinician extends SignOffRefusal {

        NotAClinician() {
            super("Your account has no clinical name and credentials on record, so it cannot sign off");
        }
    }
}
