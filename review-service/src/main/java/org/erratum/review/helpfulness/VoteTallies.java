package org.erratum.review.helpfulness;

import java.util.List;
import java.util.Map;

import org.erratum.events.VoteCast;
import org.erratum.platform.tally.OnceOnlyCounters;
import org.erratum.platform.tally.OnceOnlyCounters.Move;
import org.erratum.platform.tally.OnceOnlyCounters.States;
import org.erratum.platform.tally.OnceOnlyCounters.Step;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the helpfulness tallies (per revision and site-wide) as votes arrive, so each vote costs a few key
 * operations however many votes are stored. Each reader counts once per revision, with their latest vote: a replaced
 * vote moves its count from yes to no (or back).
 * <p>
 * Exactly once, without transactions, as the feedback service keeps its own tallies: the vote's move is recorded
 * first ({@link LatestVote}, compare-and-set on the event it replaces, so of two instances handling the same record
 * one makes the move), then each tally takes the step, remembering per partition the offset of the record that made
 * it. A vote's events share a partition (keyed by article) and are handled in order, and a record's offset is
 * committed only after it was handled, so a record interrupted between the two writes is delivered again, finds the
 * state it made, and finishes the tallies it had not moved yet. A poll's votes are counted at once
 * ({@link OnceOnlyCounters#countAll}), exact in the same way. The same event published twice and an older vote
 * arriving late change nothing: the vote's state already holds that event or a newer one.
 */
@Component
class VoteTallies {

    /** How the tallies follow a reader's latest vote on a revision. */
    private static final States<VoteCast, LatestVote> STATES = new States<>(LatestVote.class,
            vote -> LatestVote.idOf(vote.articleId(), vote.revision(), vote.readerKey()), LatestVote::after,
            VoteTallies::moves);

    private final OnceOnlyCounters counters;

    VoteTallies(MongoTemplate mongo) {
        this.counters = new OnceOnlyCounters(mongo);
    }

    /**
     * @param partition the {@code feedback.votes} partition the vote came from
     * @param offset    its offset there
     */
    void count(VoteCast vote, int partition, long offset) {
        counters.count(vote, partition, offset, STATES);
    }

    /** Counts a poll's votes at once; see {@link OnceOnlyCounters#countAll}. */
    void countAll(List<Step<VoteCast>> votes) {
        counters.countAll(votes, STATES);
    }

    /** Adds counts that did not come from a record, once: the source names them, e.g. a backfill. */
    void addOnce(String source, String articleId, int revision, long yes, long no) {
        counters.add(RevisionTally.COLLECTION, RevisionTally.idOf(articleId, revision), source, 0,
                Map.of("yes", yes, "no", no), Map.of("articleId", articleId, "revision", revision));
    }

    /** Adds to the site-wide counts once; see {@link #addOnce(String, String, int, long, long)}. */
    void addToSiteOnce(String source, long yes, long no) {
        counters.add(SiteTally.COLLECTION, SiteTally.ID, source, 0, Map.of("yes", yes, "no", no), Map.of());
    }

    /** What a vote's state moves: its count, from what was counted before to what is counted now. */
    private static List<Move> moves(LatestVote vote) {
        String answer = answer(vote.helpful());
        Map<String, Long> change;
        if (vote.isFirst()) {
            change = Map.of(answer, 1L);
        } else if (vote.previousHelpful() != vote.helpful()) {
            change = Map.of(answer, 1L, answer(vote.previousHelpful()), -1L);
        } else {
            return List.of();
        }
        String partition = Integer.toString(vote.partition());
        return List.of(
                new Move(RevisionTally.COLLECTION, RevisionTally.idOf(vote.articleId(), vote.revision()), partition,
                        vote.offset(), change, Map.of("articleId", vote.articleId(), "revision", vote.revision())),
                new Move(SiteTally.COLLECTION, SiteTally.ID, partition, vote.offset(), change, Map.of()));
    }

    private static String answer(boolean helpful) {
        return helpful ? "yes" : "no";
    }
}
