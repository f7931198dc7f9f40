package org.erratum.review.helpfulness;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;

import org.erratum.events.VoteCast;
import org.erratum.review.article.KnownArticles;
import org.erratum.review.helpfulness.RevisionHelpfulness.Votes;
import org.erratum.review.queue.ReviewItem;
import org.erratum.review.queue.ReviewItem.HelpfulnessSignal;
import org.erratum.review.queue.Signals;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Watches the helpfulness votes and queues an article whose current revision readers find unhelpful: its smoothed
 * score, against the site-wide helpful rate, falls below the threshold after enough votes. Votes on a revision that
 * fixed an item are passed on to verify that fix. A revision's votes are read once per vote, and only for one of
 * these two reasons.
 */
@Service
public class HelpfulnessWatch {

    private final MongoTemplate mongo;
    private final KnownArticles articles;
    private final Signals queue;
    private final RevisionHelpfulness helpfulness;
    private final FixVerifier fixes;
    private final HelpfulnessProperties properties;

    HelpfulnessWatch(MongoTemplate mongo, KnownArticles articles, Signals queue, RevisionHelpfulness helpfulness,
            FixVerifier fixes, HelpfulnessProperties properties) {
        this.mongo = mongo;
        this.articles = articles;
        this.queue = queue;
        this.helpfulness = helpfulness;
        this.fixes = fixes;
        this.properties = properties;
    }

    public void record(VoteCast vote) {
        keepLatest(vote);
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

    /** Replaces the reader's earlier vote; a redelivered or older vote changes nothing. */
    private void keepLatest(VoteCast vote) {
        String id = LatestVote.idOf(vote.articleId(), vote.revision(), vote.readerKey());
        Query olderOrAbsent = Query.query(where("_id").is(id).and("occurredAt").lt(vote.occurredAt()));
        Update latest = new Update().set("articleId", vote.articleId()).set("revision", vote.revision())
                .set("helpful", vote.helpful()).set("occurredAt", vote.occurredAt());
        try {
            mongo.upsert(olderOrAbsent, latest, LatestVote.class);
        } catch (DuplicateKeyException sameOrNewerKept) {
            // this vote, or a later one by the same reader, is already counted
        }
    }
}
