package org.erratum.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A reader's report of a problem with one revision of an article. The reader's contact email never travels on
 * Kafka: {@code outcomeRequested} says only that the feedback service holds a consented address for the outcome.
 *
 * @param passage the text the reader quoted from the revision they saw; may be null
 */
public record ReportSubmitted(
        UUID eventId,
        Instant occurredAt,
        String articleId,
        int revision,
        Category category,
        String passage,
        String comment,
        boolean outcomeRequested) implements ErratumEvent {

    public enum Category { INACCURATE, OUT_OF_DATE, QUESTIONABLE_SOURCE, BROKEN_REFERENCE, SAFETY_CONCERN, OTHER }
}
