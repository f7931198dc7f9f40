package org.erratum.review.helpfulness;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.erratum.platform.helpfulness.SmoothedHelpfulness;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * How readers rate one revision, and how every revision is scored: the one place that reads the votes for it, so
 * that incremental tallies can replace counting the stored latest votes without touching its callers.
 */
@Service
public class RevisionHelpfulness {

    private final MongoTemplate mongo;
    private final HelpfulnessProperties properties;
    private final SmoothedHelpfulness smoothing;

    RevisionHelpfulness(MongoTemplate mongo, HelpfulnessProperties properties, SmoothedHelpfulness smoothing) {
        this.mongo = mongo;
        this.properties = properties;
        this.smoothing = smoothing;
    }

    /** Each reader's latest vote on the revision, counted once. */
    public Votes of(String articleId, int revision) {
        Criteria onRevision = where("articleId").is(articleId).and("revision").is(revision);
        return new Votes(count(onRevision, true), count(onRevision, false));
    }

    /** The prior weight at the site-wide helpful rate, or at the prior ratio until the site has enough votes. */
    public SmoothedHelpfulness smoothing() {
        long yes = count(new Criteria(), true);
        long no = count(new Criteria(), false);
        return yes + no < properties.minVotes() ? smoothing : smoothing.withPriorRatio((double) yes / (yes + no));
    }

    private long count(Criteria criteria, boolean helpful) {
        return mongo.count(Query.query(new Criteria().andOperator(criteria, where("helpful").is(helpful))),
                LatestVote.class);
    }

    /** A revision's readers: how many found it helpful and how many did not. */
    public record Votes(long yes, long no) {

        public long total() {
            return yes + no;
        }
    }
}
