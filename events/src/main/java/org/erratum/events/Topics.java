package org.erratum.events;

/**
 * Kafka topic names. The record key is always the article id, so all events of one article stay ordered.
 */
public final class Topics {

    /** Compacted: the latest {@link ArticleChanged} per article is the article's current state. */
    public static final String ARTICLES = "content.articles";

    public static final String VOTES = "feedback.votes";

    public static final String REPORTS = "feedback.reports";

    public static final String DECISIONS = "review.decisions";

    /** Every change of a review item, as its state after the change. Not compacted: each resolution matters. */
    public static final String ITEMS = "review.items";

    private Topics() {
    }
}
