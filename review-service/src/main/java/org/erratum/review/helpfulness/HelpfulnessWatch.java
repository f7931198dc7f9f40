package org.erratum.review.helpfulness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.erratum.events.VoteCast;
import org.erratum.platform.helpfulness.SmoothedHelpfulness;
import org.erratum.platform.tally.OnceOnlyCounters.Step;
import org.erratum.review.article.KnownArticle;
import org.erratum.review.article.KnownArticles;
import org.erratum.review.helpfulness.RevisionHelpfulness.Revision;
import org.erratum.review.helpfulness.RevisionHelpfulness.Votes;
import org.erratum.review.queue.ReviewItem;
import org.erratum.review.queue.ReviewItem.HelpfulnessSignal;
import org.erratum.review.queue.Signals;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Service;

/**
 * Watches the helpfulness votes and queues an article whose current revision readers find unhelpful: its smoothed
 * score, against the site-wide helpful rate, falls below the threshold after enough votes. Votes on a revision that
 * fixed an item are passed on to verify that fix. Each vote is counted into the tallies first; then the revisions of a
 * poll's votes are judged together, what they need read by key in one read per kind for the whole poll, so a
 * vote's cost grows neither with the votes stored nor with the revisions a poll touches.
 */
@Service
public class HelpfulnessWatch {

    private final VoteTallies tallies;
    private final KnownArticles articles;
    private final Signals queue;
    private final RevisionHelpfulness helpfulness;
    private final FixVerifier fixes;
    private final HelpfulnessProperties properties;

    HelpfulnessWatch(VoteTallies tallies, KnownArticles articles, Signals queue, RevisionHelpfulness helpfulness,
            FixVerifier fixes, HelpfulnessProperties properties) {
        this.tallies = tallies;
        this.articles = articles;
        this.queue = queue;
        this.helpfulness = helpfulness;
        this.fixes = fixes;
        this.properties = properties;
    }

    /**
     * @param partition the {@code feedback.votes} partition the vote came from
     * @param offset    its offset there
     */
    public void record(VoteCast vote, int partition, long offset) {
        tallies.count(vote, partition, offset);
        judgeAll(List.of(new Step<>(vote, partition, offset)));
    }

    /**
     * Counts a poll's votes, then judges each revision they voted on once, with its counts after the whole poll: a
     * revision or a fix is judged at the end of the poll in which it reached its minimum votes, so with a few more
     * votes than the minimum when the poll brought several.
     *
     * @throws BatchListenerFailedException when a vote could not be counted; the revisions of the votes before it,
     *                                      counted and committed, are judged first
     */
    public void recordAll(List<Step<VoteCast>> votes) {
        try {
            tallies.countAll(votes);
        } catch (BatchListenerFailedException failed) {
            judgeAll(votes.subList(0, failed.getIndex()));
            throw failed;
        }
        judgeAll(votes);
    }

    /**
     * Judges each revision of the poll's votes, reading what that takes for all of them at once, each kind by key in
     * one read: the articles (is the revision current?), the fixes awaiting the revisions' votes, and the tallies of
     * the revisions that are current or awaited, and once the site-wide tally; then the current revisions readers
     * find unhelpful are flagged together ({@link Signals#flagAllLowHelpfulness}). So a poll's judging costs a
     * handful of round trips however many revisions it touches or flags.
     */
    private void judgeAll(List<Step<VoteCast>> votes) {
        Map<String, Set<Integer>> voted = new LinkedHashMap<>();
        votes.forEach(step -> voted.computeIfAbsent(step.value().articleId(), article -> new LinkedHashSet<>())
                .add(step.value().revision()));
        if (voted.isEmpty()) {
            return;
        }
        Map<String, KnownArticle> known = articles.findAll(voted.keySet());
        Map<Revision, List<ReviewItem>> fixed = fixes.awaiting(voted);
        List<Revision> judged = new ArrayList<>();
        voted.forEach((articleId, revisions) -> revisions.stream().map(number -> new Revision(articleId, number))
                .filter(revision -> isCurrent(revision, known) || fixed.containsKey(revision))
                .forEach(judged::add));
        if (judged.isEmpty()) {
            return;
        }
        Map<Revision, Votes> tallies = helpfulness.of(judged);
        SmoothedHelpfulness smoothing = helpfulness.smoothing();
        Map<String, HelpfulnessSignal> unhelpful = new LinkedHashMap<>();
        judged.stream().filter(revision -> isCurrent(revision, known)).forEach(revision -> unhelpfulness(revision,
                tallies.get(revision), smoothing).ifPresent(signal -> unhelpful.put(revision.articleId(), signal)));
        // flagged before the fixes are verified, as one revision at a time did: a fix that did not improve the
        // article then finds the item its current revision's votes opened, rather than reopening its own
        queue.flagAllLowHelpfulness(unhelpful);
        for (Revision revision : judged) {
            fixes.verify(fixed.getOrDefault(revision, List.of()), revision.number(), tallies.get(revision),
                    smoothing);
        }
    }

    private static boolean isCurrent(Revision revision, Map<String, KnownArticle> known) {
        KnownArticle article = known.get(revision.articleId());
        return article != null && article.revision() == revision.number();
    }

    /** @return the measurement of a current revision readers find unhelpful, or empty when they do not (yet) */
    private Optional<HelpfulnessSignal> unhelpfulness(Revision revision, Votes votes, SmoothedHelpfulness smoothing) {
        if (votes.total() < properties.minVotes()) {
            return Optional.empty();
        }
        double score = smoothing.score(votes.yes(), votes.no());
        return score < properties.threshold()
                ? Optional.of(new HelpfulnessSignal(revision.number(), score, votes.total(), properties.threshold()))
                : Optional.empty();
    }
}
