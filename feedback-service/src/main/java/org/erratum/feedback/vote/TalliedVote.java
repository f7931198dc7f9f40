package org.erratum.feedback.vote;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.erratum.events.VoteCast;
import org.erratum.platform.mongo.EmbeddedStoreIndex;
import org.erratum.platform.tally.OnceOnlyCounters.State;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the incremental tallies count for one reader's vote on one revision, and the step that last changed it. Its
 * id is the vote's ({@code articleId:revision:readerKey}), so a replaced vote finds what it replaces by key.
 *
 * @param eventId      the vote event counted now
 * @param occurredAt   when that vote was cast; an older or equal event changes nothing
 * @param day          the UTC day the counted vote was cast, as {@code YYYY-MM-DD} (a string, so no time zone
 *                     of the store or the driver can move it)
 * @param previousDay  what was counted before the step that made this state; null when it was the reader's first
 * @param partition    the {@code feedback.votes} partition of the record that made this state
 * @param offset       that record's offset: the tallies it changed remember it, so applying it again changes nothing
 */
@EmbeddedStoreIndex(name = "event", field = "eventId")
@Document("tallied_votes")
record TalliedVote(@Id String id, String articleId, int revision, String eventId, Instant occurredAt,
        String day, boolean helpful, String previousDay, Boolean previousHelpful, int partition,
        long offset, String reason, String previousReason, Boolean reasonKnown) implements State<VoteCast> {

    TalliedVote {
        reasonKnown = Boolean.TRUE.equals(reasonKnown); // absent in a state stored before reasons were counted
    }

    static String idOf(VoteCast vote) {
        return vote.articleId() + ":" + vote.revision() + ":" + vote.readerKey();
    }

    /** The state after the vote, which replaces {@code held} (null for the reader's first vote). */
    static TalliedVote after(TalliedVote held, VoteCast vote, int partition, long offset) {
        return new TalliedVote(idOf(vote), vote.articleId(), vote.revision(), vote.eventId().toString(),
                castAt(vote), HelpfulnessDay.dayOf(vote.occurredAt()), vote.helpful(),
                held == null ? null : held.day(), held == null ? null : held.helpful(), partition, offset,
                vote.helpful() || vote.reason() == null ? null : vote.reason().name(),
                held == null ? null : held.reason(), true);
    }

    /** Later votes win; two cast in the same millisecond are ordered by event id, the same way everywhere. */
    @Override
    public boolean isOlderThan(VoteCast vote) {
        int byTime = occurredAt.compareTo(castAt(vote));
        return byTime < 0 || byTime == 0 && eventId.compareTo(vote.eventId().toString()) < 0;
    }

    /** The store keeps milliseconds, so a vote's time is compared as it reads back. */
    private static Instant castAt(VoteCast vote) {
        return vote.occurredAt().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public boolean madeBy(VoteCast vote, int partition, long offset) {
        return eventId.equals(vote.eventId().toString()) && this.partition == partition && this.offset == offset;
    }

    boolean isFirst() {
        return previousDay == null;
    }
}
