package org.erratum.feedback.vote;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.erratum.events.ErratumEvent;
import org.erratum.events.VoteCast;
import org.erratum.events.VoteCast.NotHelpfulReason;
import org.erratum.feedback.outbox.OutboxEntry;
import org.erratum.platform.mongo.EmbeddedStoreIndex;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reader's current vote on one article revision. The id is {@code articleId:revision:readerKey}, so a reader
 * who votes again replaces their vote instead of adding one.
 *
 * @param readerKey   keyed hash of the anonymous reader id; the id itself is never stored
 * @param spam        screening took the vote for a bot's: it is kept for the record but never published and not
 *                    counted in the tallies
 * @param spamReasons why it was taken for spam; empty for a genuine vote
 * @param published   nothing is left to publish: Kafka acknowledged the event, or, for spam, there is none to send
 * @param traceparent the trace of the request that cast it, which its event continues
 */
@EmbeddedStoreIndex(name = "event", field = "eventId")
@Document("votes")
@CompoundIndexes({
        @CompoundIndex(name = "tally", def = "{'articleId': 1, 'revision': 1}"),
        @CompoundIndex(name = "pending", def = "{'published': 1, 'acceptedAt': 1}"),
        // the editorial export reads a date range
        @CompoundIndex(name = "accepted", def = "{'acceptedAt': 1}") })
public record Vote(
        @Id String id,
        String articleId,
        int revision,
        String readerKey,
        boolean helpful,
        NotHelpfulReason reason,
        String eventId,
        Instant acceptedAt,
        boolean spam,
        List<String> spamReasons,
        boolean published,
        String traceparent) implements OutboxEntry {

    /** A vote stored outside any trace: its event starts a trace of its own. */
    public Vote(String id, String articleId, int revision, String readerKey, boolean helpful, NotHelpfulReason reason,
            String eventId, Instant acceptedAt, boolean spam, List<String> spamReasons, boolean published) {
        this(id, articleId, revision, readerKey, helpful, reason, eventId, acceptedAt, spam, spamReasons, published,
                null);
    }

    static Vote cast(String articleId, int revision, String readerKey, boolean helpful, NotHelpfulReason reason,
            Instant at, List<String> spamReasons, String traceparent) {
        String eventId = UUID.randomUUID().toString();
        boolean spam = !spamReasons.isEmpty();
        // spam gets an id of its own, so it can never replace the reader's genuine vote on the revision
        String id = spam ? "spam:" + eventId : articleId + ":" + revision + ":" + readerKey;
        // Mongo keeps milliseconds: truncate now so a relayed event says the same time as the first attempt
        return new Vote(id, articleId, revision, readerKey, helpful, reason, eventId,
                at.truncatedTo(ChronoUnit.MILLIS), spam, List.copyOf(spamReasons), spam, traceparent);
    }

    @Override
    public ErratumEvent event() {
        return new VoteCast(UUID.fromString(eventId), acceptedAt, articleId, revision, helpful, reason, readerKey);
    }
}
