package org.erratum.review.helpfulness;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.erratum.events.VoteCast;
import org.erratum.platform.helpfulness.SmoothedHelpfulness;
import org.erratum.review.article.KnownArticles;
import org.erratum.review.queue.ReviewItem.HelpfulnessSignal;
import org.erratum.review.queue.ReviewQueue;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Watches the helpfulness votes and queues an article whose current revision readers find unhelpful: its smoothed
 * score, against the site-wide helpful rate, falls below the threshold after enough votes.
 */
@Service
public class HelpfulnessWatch {

    private final MongoTemplate mongo;
    private final KnownArticles articles;
    private final ReviewQueue queue;
    private final HelpfulnessProperties properties;
    private final SmoothedHelpfulness smoothing;

    HelpfulnessWatch(MongoTemplate mongo, KnownArticles articles, ReviewQueue queue,
            HelpfulnessProperties properties, SmoothedHelpfulness smoothing) {
        this.mongo = mongo;
        this.articles = articles;
        this.queue = queue;
        this.properties = properties;
        this.smoothing = smoothing;
    }

    public void record(VoteCast vote) {
        keepLatest(vote);
        boolean current = articles.find(vote.articleId()).map(a -> a.revision() == vote.revision()).orElse(false);
        if (!current) {
            return;
        }
        long yes = count(where("articleId").is(vote.articleId()).and("revision").is(vote.revision()), true);
        long no = count(where("articleId").is(vote.articleId()).and("revision").is(vote.revision()), false);
        if (yes + no < properties.minVotes()) {
            return;
        }
        double score = smoothing().score(yes, no);
        if (score < properties.threshold()) {
            queue.flagLowHelpfulness(vote.articleId(),
                    new HelpfulnessSignal(vote.revision(), score, yes + no, properties.threshold()));
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

    /** How every revision is scored: the prior weight at the site-wide helpful rate (the trend shows it too). */
    SmoothedHelpfulness smoothing() {
        return smoothing.withPriorRatio(siteWideRatio());
    }

    private double siteWideRatio() {
        long yes = count(new Criteria(), true);
        long no = count(new Criteria(), false);
        return yes + no < properties.minVotes() ? smoothing.priorRatio() : (double) yes / (yes + no);
    }

    private long count(Criteria criteria, boolean helpful) {
        return mongo.count(Query.query(new Criteria().andOperator(criteria, where("helpful").is(helpful))),
                LatestVote.class);
    }
}
