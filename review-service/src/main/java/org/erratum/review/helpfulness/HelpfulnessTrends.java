package org.erratum.review.helpfulness;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.erratum.review.helpfulness.HelpfulnessTrend.Tally;
import org.erratum.review.helpfulness.HelpfulnessTrend.Vote;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads an article's helpfulness trend from the readers' latest votes. */
@Service
public class HelpfulnessTrends {

    private final MongoTemplate mongo;
    private final RevisionHelpfulness helpfulness;
    private final HelpfulnessProperties properties;
    private final Clock clock;

    HelpfulnessTrends(MongoTemplate mongo, RevisionHelpfulness helpfulness, HelpfulnessProperties properties,
            Clock clock) {
        // checked here so that a wrong setting stops the service at start, not the first item page
        if (properties.trendWeeks() < 1) {
            throw new IllegalStateException(
                    "erratum.review.helpfulness.trend-weeks must be at least 1, got " + properties.trendWeeks());
        }
        this.mongo = mongo;
        this.helpfulness = helpfulness;
        this.properties = properties;
        this.clock = clock;
    }

    /** The article's trend, or empty while no reader has voted on it. */
    public Optional<HelpfulnessTrend> of(String articleId) {
        List<Tally> tallies = talliesOf(articleId);
        if (tallies.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        int weeks = properties.trendWeeks();
        List<Vote> recent = votesSince(articleId, HelpfulnessTrend.windowStart(now, weeks));
        return Optional.of(HelpfulnessTrend.of(tallies, recent, helpfulness.smoothing(), now, weeks));
    }

    /** Counted in the database: an article's whole history can be long, its revisions are few. */
    private List<Tally> talliesOf(String articleId) {
        var perRevisionAndAnswer = newAggregation(LatestVote.class, match(where("articleId").is(articleId)),
                group("revision", "helpful").count().as("votes"));
        return mongo.aggregate(perRevisionAndAnswer, LatestVote.class, Document.class).getMappedResults().stream()
                .map(row -> {
                    Document key = row.get("_id", Document.class);
                    return new Tally(key.getInteger("revision"), key.getBoolean("helpful"),
                            row.get("votes", Number.class).longValue());
                })
                .toList();
    }

    /** Only the window's votes, and of each only what the weekly buckets need. */
    private List<Vote> votesSince(String articleId, Instant start) {
        Query recent = Query.query(where("articleId").is(articleId).and("occurredAt").gte(start));
        recent.fields().include("occurredAt", "helpful");
        // read as documents: the record cannot be built without the fields left out
        return mongo.find(recent, Document.class, mongo.getCollectionName(LatestVote.class)).stream()
                .map(vote -> new Vote(vote.getDate("occurredAt").toInstant(), vote.getBoolean("helpful")))
                .toList();
    }
}
