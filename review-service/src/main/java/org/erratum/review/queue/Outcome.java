package org.erratum.review.queue;

/** How a reviewer closed an item. */
public enum Outcome {
    /** The article was corrected; the resolution names the content revision that fixed it. */
    REVISED,
    NO_CHANGE_NEEDED,
    SPAM,
    DUPLICATE
}
