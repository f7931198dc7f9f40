package org.erratum.feedback.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.erratum.events.ErratumEvent;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.feedback.outbox.OutboxEntry;
import org.erratum.platform.mongo.EmbeddedStoreIndex;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reader's problem report on one article revision. Its id is also the id of the event that announces it. The
 * reader's contact email, when given, is not part of it: it is a {@link org.erratum.feedback.contact.Contact} of
 * its own, which goes when the reader has heard back, or expires.
 *
 * @param passage          the quoted passage, personal data scrubbed
 * @param comment          the comment, personal data scrubbed
 * @param outcomeRequested whether the reader left an address for the outcome
 * @param spam             screening took the report for a bot's: it is kept for the record but never published,
 *                         so it never reaches the review queue
 * @param spamReasons      why it was taken for spam; empty for a genuine report
 * @param published        nothing is left to publish: Kafka acknowledged the event, or, for spam, there is none to
 *                         send
 * @param traceparent      the trace of the request that submitted it, which its event continues
 */
@EmbeddedStoreIndex(name = "event", field = "eventId")
@Document("reports")
@CompoundIndexes({
        @CompoundIndex(name = "pending", def = "{'published': 1, 'acceptedAt': 1}"),
        // the editorial readouts count recent reports, and the export reads a date range
        @CompoundIndex(name = "accepted", def = "{'acceptedAt': 1}"),
        // an article's insight page counts and lists its recent reports
        @CompoundIndex(name = "article", def = "{'articleId': 1, 'acceptedAt': 1}") })
public record Report(
        @Id String id,
        String articleId,
        int revision,
        Category category,
        String passage,
        String comment,
        boolean outcomeRequested,
        String eventId,
        Instant acceptedAt,
        boolean spam,
        List<String> spamReasons,
        boolean published,
        String traceparent) implements OutboxEntry {

    /** A report stored outside any trace: its event starts a trace of its own. */
    public Report(String id, String articleId, int revision, Category category, String passage, String comment,
            boolean outcomeRequested, String eventId, Instant acceptedAt, boolean spam, List<String> spamReasons,
            boolean published) {
        this(id, articleId, revision, category, passage, comment, outcomeRequested, eventId, acceptedAt, spam,
                spamReasons, published, null);
    }

    static Report submit(String articleId, int revision, Category category, String passage, String comment,
            boolean outcomeRequested, Instant at, List<String> spamReasons, String traceparent) {
        String id = UUID.randomUUID().toString();
        boolean spam = !spamReasons.isEmpty();
        // Mongo keeps milliseconds: truncate now so a relayed event says the same time as the first attempt
        return new Report(id, articleId, revision, category, passage, comment, outcomeRequested, id,
                at.truncatedTo(ChronoUnit.MILLIS), spam, List.copyOf(spamReasons), spam, traceparent);
    }

    /** What may travel on Kafka; the contact email is not even in this document. */
    @Override
    public ErratumEvent event() {
        return new ReportSubmitted(UUID.fromString(eventId), acceptedAt, articleId, revision, category, passage,
                comment, outcomeRequested);
    }
}
