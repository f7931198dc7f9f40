package org.erratum.feedback.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.erratum.events.ErratumEvent;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.feedback.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reader's problem report on one article revision. Its id is also the id of the event that announces it.
 *
 * @param contactEmail     given with explicit consent, used only to tell the reader the outcome; it stays in this
 *                         document, never travels on Kafka, and is erased at {@code contactExpiresAt}
 * @param outcomeRequested whether the reader left an address for the outcome
 */
@Document("reports")
@CompoundIndexes(@CompoundIndex(name = "pending", def = "{'published': 1, 'acceptedAt': 1}"))
public record Report(
        @Id String id,
        String articleId,
        int revision,
        Category category,
        String passage,
        String comment,
        String contactEmail,
        @Indexed(sparse = true) Instant contactExpiresAt,
        boolean outcomeRequested,
        String eventId,
        Instant acceptedAt,
        boolean published) implements OutboxEntry {

    static Report submit(String articleId, int revision, Category category, String passage, String comment,
            String contactEmail, Instant at, Instant contactExpiresAt) {
        String id = UUID.randomUUID().toString();
        boolean withContact = contactEmail != null;
        // Mongo keeps milliseconds: truncate now so a relayed event says the same time as the first attempt
        return new Report(id, articleId, revision, category, passage, comment, contactEmail,
                withContact ? contactExpiresAt : null, withContact, id, at.truncatedTo(ChronoUnit.MILLIS), false);
    }

    /** Everything but the contact email, which only the feedback service may hold. */
    @Override
    public ErratumEvent event() {
        return new ReportSubmitted(UUID.fromString(eventId), acceptedAt, articleId, revision, category, passage,
                comment, outcomeRequested);
    }
}
