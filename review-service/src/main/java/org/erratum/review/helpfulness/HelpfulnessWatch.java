package org.erratum.review.helpfulness;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.erratum.events.VoteCast;
import org.erratum.platform.tally.OnceOnlyCounters.Step;
import org.erratum.review.article.KnownArticles;
import org.erratum.review.helpfulness.RevisionHelpfulness.Votes;
import org.erratum.review.queue.ReviewItem;
import org.erratum.review.queue.ReviewItem.HelpfulnessSignal;
import org.erratum.review.queue.Signals;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Service;

/**
 * Watches the helpfulness votes and queues an article whose current revision readers find unhelpful: its smoothed
 * score, against the site-wide helpful rate, falls below the threshold after enough votes. Votes on a revision that
 * fixed an item are passed on to verify that fix. Each vote is counted into the tallies first; a revision's tally is
 * read by key once per vote (once per revision of a poll's votes), and only for one of these two reasons, so a vote's
 * cost does not grow with the votes stored.
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
        judge(vote.articleId(), vote.revision());
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

    private void judgeAll(List<Step<VoteCast>> votes) {
        Set<Revision> revisions = new LinkedHashSet<>();
        votes.forEach(step -> revisions.add(new Revision(step.value().articleId(), step.value().revision())));
        revisions.forEach(revision -> judge(revision.articleId(), revision.number()));
    }

    private record Revision(String articleId, int number) {
    }

    /** Flags the revision if it is the current one and unhelpful, and verifies the fixes waiting for its votes. */
    private void judge(String articleId, int revision) {
        boolean current = articles.find(articleId).map(a -> a.revision() == revision).orElse(false);
        List<ReviewItem> fixed = fixes.awaiting(articleId, revision);
        if (!current && fixed.isEmpty()) {
            return;
        }
        Votes votes = helpfulness.of(articleId, revision);
        if (current) {
            flagIfUnhelpful(articleId, revision, votes);
        }
        fixes.verify(fixed, revision, votes);
    }

    private void flagIfUnhelpful(String articleId, int revision, Votes votes) {
        if (votes.total() < properties.minVotes()) {
            return;
        }
        double score = helpfulness.smoothing().score(votes.yes(), votes.no());
        if (score < properties.threshold()) {
            queue.flagLowHelpfulness(articleId,
                    new HelpfulnessSignal(revision, score, votes.total(), properties.threshold()));
        }
    }
}
