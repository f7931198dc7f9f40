package org.erratum.feedback.vote;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.erratum.events.VoteCast;
import org.erratum.events.VoteCast.NotHelpfulReason;
import org.erratum.platform.tally.OnceOnlyCounters;
import org.erratum.platform.tally.OnceOnlyCounters.Move;
import org.erratum.platform.tally.OnceOnlyCounters.States;
import org.erratum.platform.tally.OnceOnlyCounters.Step;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Helpfulness tallies kept as votes arrive on {@code feedback.votes}, per article revision (with the reasons given
 * with its "no" votes) and per article and day, so the helpfulness API and the editorial pages read them by key
 * instead of counting votes. Each reader counts once per revision, with their
 * latest vote, on the day they cast it: a replaced vote moves its count (from yes to no, or to a later day).
 * <p>
 * Exactly once, without transactions: a vote's move is recorded first ({@link TalliedVote}, compare-and-set on the
 * event it replaces), then each tally it changes takes the step, remembering per partition the offset of the record
 * that made it ({@link OnceOnlyCounters}, which also counts a poll's votes at once). An article's events share a
 * partition and are handled in order, so a record handled again (after a crash or a rebalance) finds the tallies it
 * already moved at or past its offset and moves only the rest. The same
 * event published twice (the relay resends what Kafka may have written) and an older vote arriving late change
 * nothing: the vote's state already holds that event or a newer one.
 */
@Service
public class VoteTallies {

    private static final String DAYS = "helpfulness_days";
    private static final String REVISIONS = "helpfulness_revisions";
    private static final String REASONS = "reasons.";

    /** How the tallies follow a reader's vote on a revision. */
    private static final States<VoteCast, TalliedVote> STATES = new States<>(TalliedVote.class,
            TalliedVote::idOf, TalliedVote::after, VoteTallies::moves);

    private final MongoTemplate mongo;
    private final OnceOnlyCounters counters;

    VoteTallies(MongoTemplate mongo) {
        this.mongo = mongo;
        this.counters = new OnceOnlyCounters(mongo);
    }

    /** How many readers found a revision helpful, and how many did not. */
    public record RevisionVotes(int revision, long yes, long no) {
    }

    /** The votes on one revision cast on one UTC day. */
    public record DayVotes(LocalDate day, int revision, long yes, long no) {
    }

    /**
     * @param partition the {@code feedback.votes} partition the vote came from
     * @param offset    its offset there
     */
    public void count(VoteCast vote, int partition, long offset) {
        counters.count(vote, partition, offset, STATES);
    }

    /** Counts a poll's votes at once; see {@link OnceOnlyCounters#countAll}. */
    public void countAll(List<Step<VoteCast>> votes) {
        counters.countAll(votes, STATES);
    }

    /** Every revision up to {@code latest}, oldest first; a revision without votes counts zero. */
    public List<RevisionVotes> perRevision(String articleId, int latest) {
        List<String> ids = IntStream.rangeClosed(1, latest).mapToObj(r -> RevisionTally.idOf(articleId, r)).toList();
        Map<Integer, RevisionTally> held = new LinkedHashMap<>();
        mongo.find(query(where("_id").in(ids)), RevisionTally.class).forEach(t -> held.put(t.revision(), t));
        return IntStream.rangeClosed(1, latest).mapToObj(r -> {
            RevisionTally tally = held.get(r);
            return tally == null ? new RevisionVotes(r, 0, 0) : new RevisionVotes(r, tally.yes(), tally.no());
        }).toList();
    }

    /**
     * @param revisions the revision wanted of each article, by article id
     * @return its votes, by article id; a revision without votes is left out
     */
    public Map<String, RevisionVotes> ofRevisions(Map<String, Integer> revisions) {
        List<String> ids = revisions.entrySet().stream().map(e -> RevisionTally.idOf(e.getKey(), e.getValue()))
                .toList();
        Map<String, RevisionVotes> votes = new HashMap<>();
        for (RevisionTally tally : mongo.find(query(where("_id").in(ids)), RevisionTally.class)) {
            votes.put(tally.articleId(), new RevisionVotes(tally.revision(), tally.yes(), tally.no()));
        }
        return votes;
    }

    /** One revision's votes and the reasons given with its "no" votes, every reason present. */
    public Tally of(String articleId, int revision) {
        RevisionTally tally = mongo.findById(RevisionTally.idOf(articleId, revision), RevisionTally.class);
        Map<NotHelpfulReason, Long> reasons = new EnumMap<>(NotHelpfulReason.class);
        for (NotHelpfulReason reason : NotHelpfulReason.values()) {
            reasons.put(reason, tally == null ? 0L : tally.reasons().getOrDefault(reason.name(), 0L));
        }
        return tally == null ? new Tally(0, 0, reasons) : new Tally(tally.yes(), tally.no(), reasons);
    }

    /** @param reasons how many "no" votes gave each reason */
    public record Tally(long yes, long no, Map<NotHelpfulReason, Long> reasons) {
    }

    /** Adds counts that did not come from a record to a revision's tally, once: the source names them. */
    void addOnce(String source, String articleId, int revision, Map<String, Long> increments) {
        counters.add(REVISIONS, RevisionTally.idOf(articleId, revision), source, 0, increments,
                Map.of("articleId", articleId, "revision", revision));
    }

    /** The votes cast from {@code first} to {@code last} (both included), by day and then revision. */
    public List<DayVotes> perDay(String articleId, LocalDate first, LocalDate last) {
        List<String> ids = first.datesUntil(last.plusDays(1))
                .map(day -> HelpfulnessDay.idOf(articleId, day.toString())).toList();
        List<DayVotes> votes = new ArrayList<>();
        for (HelpfulnessDay day : mongo.find(query(where("_id").in(ids)), HelpfulnessDay.class)) {
            day.revisions().forEach((revision, counts) -> votes.add(new DayVotes(LocalDate.parse(day.day()),
                    Integer.parseInt(revision), counts.yes(), counts.no())));
        }
        votes.sort(Comparator.comparing(DayVotes::day).thenComparingInt(DayVotes::revision));
        return votes;
    }

    /** What a vote's state moves: its count, from what was counted before to what is counted now. */
    private static List<Move> moves(TalliedVote vote) {
        Moves moves = new Moves(vote);
        String revision = Integer.toString(vote.revision());
        String answer = answer(vote.helpful());
        if (vote.isFirst()) {
            moves.onDay(vote.day(), Map.of("revisions." + revision + "." + answer, 1L));
            moves.onRevision(revisionChange(vote));
            return moves.all;
        }
        String before = answer(vote.previousHelpful());
        boolean sameAnswer = answer.equals(before);
        if (vote.day().equals(vote.previousDay())) {
            if (!sameAnswer) {
                moves.onDay(vote.day(), Map.of("revisions." + revision + "." + answer, 1L,
                        "revisions." + revision + "." + before, -1L));
            }
        } else {
            moves.onDay(vote.previousDay(), Map.of("revisions." + revision + "." + before, -1L));
            moves.onDay(vote.day(), Map.of("revisions." + revision + "." + answer, 1L));
        }
        Map<String, Long> onRevision = revisionChange(vote);
        if (!onRevision.isEmpty()) {
            moves.onRevision(onRevision);
        }
        return moves.all;
    }

    /** The answer and the reason counted now, less those counted before; what did not change is left out. */
    private static Map<String, Long> revisionChange(TalliedVote vote) {
        Map<String, Long> change = new HashMap<>();
        change.merge(answer(vote.helpful()), 1L, Long::sum);
        if (vote.reason() != null) {
            change.merge(REASONS + vote.reason(), 1L, Long::sum);
        }
        if (!vote.isFirst()) {
            change.merge(answer(vote.previousHelpful()), -1L, Long::sum);
            if (vote.previousReason() != null) {
                change.merge(REASONS + vote.previousReason(), -1L, Long::sum);
            }
        }
        change.values().removeIf(n -> n == 0);
        return change;
    }

    private static String answer(boolean helpful) {
        return helpful ? "yes" : "no";
    }

    /** One state's changes to the tallies, at the position of the record that made it. */
    private static final class Moves {

        private final TalliedVote vote;
        private final List<Move> all = new ArrayList<>();

        Moves(TalliedVote vote) {
            this.vote = vote;
        }

        void onDay(String day, Map<String, Long> increments) {
            add(DAYS, HelpfulnessDay.idOf(vote.articleId(), day), increments,
                    Map.of("articleId", vote.articleId(), "day", day));
        }

        void onRevision(Map<String, Long> increments) {
            add(REVISIONS, RevisionTally.idOf(vote.articleId(), vote.revision()), increments,
                    Map.of("articleId", vote.articleId(), "revision", vote.revision()));
        }

        private void add(String collection, String id, Map<String, Long> increments, Map<String, Object> fields) {
            all.add(new Move(collection, id, Integer.toString(vote.partition()), vote.offset(), increments, fields));
        }
    }
}
