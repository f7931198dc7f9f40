package org.erratum.review.queue;

/** What put an item in the queue; an item gathers every source that joined it. */
public enum Source {
    READER_REPORT,
    /** The current revision's smoothed helpfulness fell below the threshold after enough votes. */
    LOW_HELPFULNESS,
    /** The article's next clinical review is due, or falls due within the lead time. */
    REVIEW_DUE
}
