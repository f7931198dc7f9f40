package org.erratum.review.queue;

/** Where a review item is in its life. Only ACTIVE states hold the article's one open slot. */
public enum ItemState {
    OPEN, CLAIMED, ESCALATED, RESOLVED;

    public static final java.util.Set<ItemState> ACTIVE = java.util.EnumSet.of(OPEN, CLAIMED, ESCALATED);
}
