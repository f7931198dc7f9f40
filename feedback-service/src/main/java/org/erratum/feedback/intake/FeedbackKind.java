package org.erratum.feedback.intake;

/** The kinds of feedback; each has its own rate limit. */
public enum FeedbackKind {
    VOTE, REPORT
}
