package org.erratum.feedback.intake;

import org.erratum.feedback.article.KnownArticle;

/**
 * Feedback that passed intake and was stored durably; the outbox relay publishes it.
 *
 * @param id      the event id the feedback is published with, for the reader and for tracing
 * @param article the article it is about, for sending a form back to its page
 */
public record Acceptance(String id, KnownArticle article) {
}
