package org.erratum.review.helpfulness;

import java.util.List;

import org.erratum.events.VoteCast;
import org.erratum.review.article.KnownArticles;
import org.erratum.review.helpfulness.RevisionHelpfulness.Votes;
import org.erratum.review.queue.ReviewItem;
import org.erratum.review.queue.ReviewItem.HelpfulnessSignal;
import org.erratum.review.queue.Signals;
import org.springframework.stereotype.Service;

/**
 * Watches the helpfulness votes and queues an article whose current revision readers find unhelpful: its smoothed
 * score, against the site-wide helpful rate, falls below the threshold after enough votes. Votes on a revision that
 * fixed an item are passed on to verify that fix. Each vote is counted into the tallies first; a revision's tally is
 * read by key once per vote, and only for one of these two reasons, so a vote's cost does not grow with the votes
 * stored.
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
        boolean current = articles.find(vote.articleId()).map(a -> a.revision() == vote.revision()).orElse(false);
        List<ReviewItem> fixed = fixes.awaiting(vote.articleId(), vote.revision());
        if (!current && fixed.isEmpty()) {
            return;
        }
        Votes votes = helpfulness.of(vote.articleId(), vote.revision());
        if (current) {
            flagIfUnhelpful(vote, votes);
        }
        fixes.verify(fixed, vote.revision(), votes);
    }

    private void flagIfUnhelpful(VoteCast vote, Votes votes) {
        if (votes.total() < properties.minVotes()) {
            return;
        }
        double score = helpfulness.smoothing().score(votes.yes(), votes.no());
        if (score < properties.threshold()) {
            queue.flagLowHelpfulness(vote.articleId(),
                    new HelpfulnessSignal(vote.revision(), score, votes.total(), properties.threshold()));
        }
    }
}
