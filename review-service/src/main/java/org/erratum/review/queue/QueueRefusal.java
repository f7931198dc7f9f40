package org.erratum.review.queue;

/**
 * Why the queue refused a request, in the queue's own terms: the web layer ({@link QueueProblems}) says each in
 * HTTP, as the API's problem details and the console's pages.
 */
public abstract class QueueRefusal extends RuntimeException {

    QueueRefusal(String message) {
        super(message);
    }

    /** No item has this id. */
    public static final class ItemNotFound extends QueueRefusal {

        private final String id;

        ItemNotFound(String id) {
            super("Review item " + id + " does not exist");
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** The item's state, holder or escalation does not allow this change now; the message says which. */
    public static final class NotAllowed extends QueueRefusal {

        NotAllowed(String message) {
            super(message);
        }
    }

    /** Other writes kept changing the item (or the queue) between reading and writing it: the request may try again. */
    public static final class StaleVersion extends QueueRefusal {

        StaleVersion(String message) {
            super(message);
        }
    }

    /** The action is a senior reviewer's, whatever the item's state. */
    public static final class SeniorReviewerRequired extends QueueRefusal {

        SeniorReviewerRequired(String action) {
            super("Only a senior reviewer may " + action);
        }
    }

    /** A field of the request that the queue refuses, named so that the reviewer can correct it. */
    public abstract static class FieldRefusal extends QueueRefusal {

        private final String field;

        FieldRefusal(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** A resolution that leaves out what its outcome must name (the revision that fixed the article). */
    public static final class MissingField extends FieldRefusal {

        MissingField(String field, String message) {
            super(field, message);
        }
    }

    /** A resolution that names what does not exist: a revision never published, or no other review item. */
    public static final class UnknownReference extends FieldRefusal {

        UnknownReference(String field, String message) {
            super(field, message);
        }
    }
}
