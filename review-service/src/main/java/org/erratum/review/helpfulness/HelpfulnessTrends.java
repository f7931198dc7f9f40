package org.erratum.review.helpfulness;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.bson.Document;
import org.erratum.review.article.KnownArticle;
import org.erratum.review.article.KnownArticles;
import org.erratum.review.helpfulness.HelpfulnessTrend.Tally;
import org.erratum.review.helpfulness.HelpfulnessTrend.Vote;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Reads an article's helpfulness trend: per revision from the tallies, by key; per week from the readers' latest votes
 * cast in the weeks shown, which an index on the article and time serves on MongoDB.
 */
@Service
public class HelpfulnessTrends {

    private final MongoTemplate mongo;
    private final KnownArticles articles;
    private final RevisionHelpfulness helpfulness;
    private final HelpfulnessProperties properties;
    private final Clock clock;

    HelpfulnessTrends(MongoTemplate mongo, KnownArticles articles, RevisionHelpfulness helpfulness,
            HelpfulnessProperties properties, Clock clock) {
        // checked here so that a wrong setting stops the service at start, not the first item page
        if (properties.trendWeeks() < 1) {
            throw new IllegalStateException(
                    "erratum.review.helpfulness.trend-weeks must be at least 1, got " + properties.trendWeeks());
        }
        this.mongo = mongo;
        this.articles = articles;
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

    /** From the tallies of the revisions up to the latest this service knows, by key: votes are on published ones. */
    private List<Tally> talliesOf(String articleId) {
        int latest = articles.find(articleId).map(KnownArticle::revision).orElse(0);
        return helpfulness.upTo(articleId, latest).stream()
                .flatMap(tally -> Stream.of(new Tally(tally.revision(), true, tally.yes()),
                        new Tally(tally.revision(), false, tally.no())))
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
