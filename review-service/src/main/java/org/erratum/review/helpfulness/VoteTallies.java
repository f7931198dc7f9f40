package org.erratum.review.helpfulness;

import java.util.Map;

import org.erratum.events.VoteCast;
import org.erratum.platform.tally.OnceOnlyCounters;
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
 * state it made, and finishes the tallies it had not moved yet. The same event published twice and an older vote
 * arriving late change nothing: the vote's state already holds that event or a newer one.
 */
@Component
class VoteTallies {

    private final MongoTemplate mongo;
    private final OnceOnlyCounters counters;

    VoteTallies(MongoTemplate mongo) {
        this.mongo = mongo;
        this.counters = new OnceOnlyCounters(mongo);
    }

    /**
     * @param partition the {@code feedback.votes} partition the vote came from
     * @param offset    its offset there
     */
    void count(VoteCast vote, int partition, long offset) {
        String id = LatestVote.idOf(vote.articleId(), vote.revision(), vote.readerKey());
        while (true) {
            LatestVote held = mongo.findById(id, LatestVote.class);
            if (held != null && !held.isOlderThan(vote)) {
                if (held.madeBy(vote, partition, offset)) {
                    move(held); // handled again: finish what a crash may have left undone
                }
                return;
            }
            LatestVote next = LatestVote.after(held, vote, partition, offset);
            if (counters.replaceIfUnchanged(held, next, LatestVote::id, LatestVote::eventId)) {
                move(next);
                return;
            }
        }
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

    /** Moves the vote's count from what was counted before to what is counted now. */
    private void move(LatestVote vote) {
        String answer = answer(vote.helpful());
        Map<String, Long> change;
        if (vote.isFirst()) {
            change = Map.of(answer, 1L);
        } else if (vote.previousHelpful() != vote.helpful()) {
            change = Map.of(answer, 1L, answer(vote.previousHelpful()), -1L);
        } else {
            return;
        }
        String partition = Integer.toString(vote.partition());
        counters.add(RevisionTally.COLLECTION, RevisionTally.idOf(vote.articleId(), vote.revision()), partition,
                vote.offset(), change, Map.of("articleId", vote.articleId(), "revision", vote.revision()));
        counters.add(SiteTally.COLLECTION, SiteTally.ID, partition, vote.offset(), change, Map.of());
    }

    private static String answer(boolean helpful) {
        return helpful ? "yes" : "no";
    }
}
