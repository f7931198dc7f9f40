package org.erratum.review.helpfulness;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.erratum.events.VoteCast;
import org.erratum.platform.mongo.EmbeddedStoreIndex;
import org.erratum.platform.tally.OnceOnlyCounters.State;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reader's latest vote on one revision, which the tallies count: a reader who changes their mind replaces their
 * vote, and the state remembers what it replaced and which record made it, so that record's change to the tallies
 * can be finished if a crash interrupted it.
 *
 * @param eventId         the vote event counted now; null in a vote stored before the tallies existed, which the
 *                        backfill counted
 * @param occurredAt      when that vote was cast; an older event changes nothing
 * @param previousHelpful what was counted before the step that made this state; null for the reader's first vote
 * @param partition       the {@code feedback.votes} partition of the record that made this state
 * @param offset          that record's offset: the tallies it changed remember it, so applying it again changes
 *                        nothing
 */
@EmbeddedStoreIndex(name = "event", field = "eventId")
@Document("latest_votes")
@CompoundIndexes({
        // the helpfulness trend reads an article's votes of the last weeks
        @CompoundIndex(name = "window", def = "{'articleId': 1, 'occurredAt': 1}") })
record LatestVote(@Id String id, String articleId, int revision, boolean helpful, Instant occurredAt,
        String eventId, Boolean previousHelpful, Integer partition, Long offset) implements State<VoteCast> {

    static String idOf(String articleId, int revision, String readerKey) {
        return articleId + ":" + revision + ":" + readerKey;
    }

    /** The state after the vote, which replaces {@code held} (null for the reader's first vote). */
    static LatestVote after(LatestVote held, VoteCast vote, int partition, long offset) {
        return new LatestVote(idOf(vote.articleId(), vote.revision(), vote.readerKey()), vote.articleId(),
                vote.revision(), vote.helpful(), castAt(vote), vote.eventId().toString(),
                held == null ? null : held.helpful(), partition, offset);
    }

    /**
     * Later votes win; two cast in the same millisecond are ordered by event id, the same way on every instance.
     * A vote stored before the tallies existed has no event id and keeps its place against one cast at its time.
     */
    @Override
    public boolean isOlderThan(VoteCast vote) {
        int byTime = occurredAt.compareTo(castAt(vote));
        return byTime < 0 || byTime == 0 && eventId != null && eventId.compareTo(vote.eventId().toString()) < 0;
    }

    @Override
    public boolean madeBy(VoteCast vote, int partition, long offset) {
        return vote.eventId().toString().equals(eventId) && Integer.valueOf(partition).equals(this.partition)
                && Long.valueOf(offset).equals(this.offset);
    }

    boolean isFirst() {
        return previousHelpful == null;
    }

    /** The store keeps milliseconds, so a vote's time is compared as it reads back. */
    private static Instant castAt(VoteCast vote) {
        return vote.occurredAt().truncatedTo(ChronoUnit.MILLIS);
    }
}
