package org.erratum.feedback.vote;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.erratum.events.ErratumEvent;
import org.erratum.events.VoteCast;
import org.erratum.events.VoteCast.NotHelpfulReason;
import org.erratum.feedback.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reader's current vote on one article revision. The id is {@code articleId:revision:readerKey}, so a reader
 * who votes again replaces their vote instead of adding one.
 *
 * @param readerKey keyed hash of the anonymous reader id; the id itself is never stored
 */
@Document("votes")
@CompoundIndexes({
        @CompoundIndex(name = "tally", def = "{'articleId': 1, 'revision': 1}"),
        @CompoundIndex(name = "pending", def = "{'published': 1, 'acceptedAt': 1}") })
public record Vote(
        @Id String id,
        String articleId,
        int revision,
        String readerKey,
        boolean helpful,
        NotHelpfulReason reason,
        String eventId,
        Instant acceptedAt,
        boolean published) implements OutboxEntry {

    static Vote cast(String articleId, int revision, String readerKey, boolean helpful, NotHelpfulReason reason,
            Instant at) {
        // Mongo keeps milliseconds: truncate now so a relayed event says the same time as the first attempt
        return new Vote(articleId + ":" + revision + ":" + readerKey, articleId, revision, readerKey, helpful,
                reason, UUID.randomUUID().toString(), at.truncatedTo(ChronoUnit.MILLIS), false);
    }

    @Override
    public ErratumEvent event() {
        return new VoteCast(UUID.fromString(eventId), acceptedAt, articleId, revision, helpful, reason, readerKey);
    }
}
