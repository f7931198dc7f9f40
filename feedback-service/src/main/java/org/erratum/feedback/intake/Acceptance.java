package org.erratum.feedback.intake;

import org.erratum.feedback.article.KnownArticle;

/**
 * Feedback that passed intake, was stored and was acknowledged by Kafka.
 *
 * @param id      the event id the feedback was published with, for the reader and for tracing
 * @param article the article it is about, for sending a form back to its page
 */
public record Acceptance(String id, KnownArticle article) {
}
