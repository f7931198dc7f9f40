package org.erratum.feedback.readout;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bson.Document;
import org.erratum.feedback.article.ArticleProjection;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.vote.Vote;
import org.erratum.platform.helpfulness.SmoothedHelpfulness;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The articles readers found least helpful, judged on each article's current revision only: a revision is a new
 * text, so votes on the text it replaced say nothing about it, and a corrected article starts afresh (as the review
 * service's low-helpfulness queueing does). Ordered by the same smoothed score the helpfulness tally shows, so an
 * article with two "no" votes does not outrank one that hundreds of readers found unhelpful.
 */
@Component
class LeastHelpfulArticles {

    private static final Comparator<ArticleHelpfulness> LEAST_HELPFUL_FIRST = Comparator
            .comparingDouble(ArticleHelpfulness::score)
            .thenComparing(Comparator.comparingLong(ArticleHelpfulness::votes).reversed())
            .thenComparing(ArticleHelpfulness::articleId);

    private final MongoTemplate mongo;
    private final ArticleProjection articles;
    private final SmoothedHelpfulness smoothing;

    LeastHelpfulArticles(MongoTemplate mongo, ArticleProjection articles, SmoothedHelpfulness smoothing) {
        this.mongo = mongo;
        this.articles = articles;
        this.smoothing = smoothing;
    }

    /** @return at most {@code limit} articles whose current revision has at least one genuine vote */
    List<ArticleHelpfulness> list(int limit) {
        Map<Revision, Tally> tallies = talliesOfEveryRevision();
        Map<String, KnownArticle> known = articles.findAll(
                tallies.keySet().stream().map(Revision::articleId).distinct().toList());
        return known.values().stream()
                .map(article -> helpfulness(article, tallies.get(new Revision(article.articleId(),
                        article.revision()))))
                .filter(Objects::nonNull)
                .sorted(LEAST_HELPFUL_FIRST)
                .limit(limit)
                .toList();
    }

    /**
     * Counts in MongoDB, one group per revision and answer. Which revision is current is known only to the article
     * projection, so the groups of earlier revisions are dropped afterwards; there are few groups per article.
     */
    private Map<Revision, Tally> talliesOfEveryRevision() {
        Aggregation byRevisionAndAnswer = Aggregation.newAggregation(
                // spam is kept for the record but says nothing about the article
                match(where("spam").ne(true)),
                group("articleId", "revision", "helpful").count().as("votes"));
        Map<Revision, Tally> tallies = new HashMap<>();
        for (Document group : mongo.aggregate(byRevisionAndAnswer, Vote.class, Document.class)) {
            Document key = group.get("_id", Document.class);
            Revision revision = new Revision(key.getString("articleId"), key.getInteger("revision"));
            long votes = ((Number) group.get("votes")).longValue();
            Tally tally = tallies.computeIfAbsent(revision, r -> new Tally());
            if (Boolean.TRUE.equals(key.getBoolean("helpful"))) {
                tally.yes += votes;
            } else {
                tally.no += votes;
            }
        }
        return tallies;
    }

    private ArticleHelpfulness helpfulness(KnownArticle article, Tally tally) {
        if (tally == null) {
            return null;
        }
        return new ArticleHelpfulness(article.articleId(), article.title(), article.slug(), article.revision(),
                tally.yes, tally.no, SmoothedHelpfulness.ratio(tally.yes, tally.no),
                smoothing.score(tally.yes, tally.no));
    }

    private record Revision(String articleId, int revision) {
    }

    private static final class Tally {
        long yes;
        long no;
    }
}
