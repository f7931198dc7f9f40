package org.erratum.review.helpfulness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.erratum.events.VoteCast;
import org.erratum.review.Fixtures;
import org.erratum.review.article.KnownArticle;
import org.erratum.review.queue.ReviewItem;
import org.erratum.review.queue.Severity;
import org.erratum.review.queue.Source;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

@IntegrationTest
class HelpfulnessWatchIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    MongoTemplate mongo;

    private String knownArticle(int revision) {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.article(articleId, revision, revision));
        await().atMost(WAIT).until(() -> mongo.findById(articleId, KnownArticle.class) != null);
        return articleId;
    }

    private static VoteCast vote(String articleId, int revision, boolean helpful, String reader, Instant at) {
        return new VoteCast(UUID.randomUUID(), at, articleId, revision, helpful,
                helpful ? null : VoteCast.NotHelpfulReason.CONFUSING, reader);
    }

    private long latestVotes(String articleId) {
        return mongo.count(Query.query(Criteria.where("articleId").is(articleId)), LatestVote.class);
    }

    private ReviewItem itemOf(String articleId) {
        return mongo.findOne(Query.query(Criteria.where("groupKey").is(articleId)), ReviewItem.class);
    }

    @Test
    void whenEnoughReadersFindTheCurrentRevisionUnhelpfulThenItIsQueued() {
        String articleId = knownArticle(1);
        Instant now = Instant.now();
        for (int i = 0; i < 19; i++) {
            TopicProbe.publish(vote(articleId, 1, false, "reader-" + i, now));
        }
        await().atMost(WAIT).until(() -> latestVotes(articleId) == 19);
        assertThat(itemOf(articleId)).as("19 votes are fewer than the minimum of 20").isNull();

        TopicProbe.publish(vote(articleId, 1, false, "reader-19", now));

        ReviewItem item = await().atMost(WAIT).until(() -> itemOf(articleId), found -> found != null);
        assertThat(item.sources()).containsExactly(Source.LOW_HELPFULNESS);
        assertThat(item.severity()).isEqualTo(Severity.NORMAL);
        assertThat(item.helpfulness().votes()).isEqualTo(20);
        assertThat(item.helpfulness().score()).isLessThan(0.5);
    }

    @Test
    void aReaderWhoChangesTheirMindCountsOnceAndLateOrRepeatedVotesChangeNothing() {
        String articleId = knownArticle(1);
        Instant now = Instant.now();
        VoteCast first = vote(articleId, 1, false, "reader-a", now);
        TopicProbe.publish(first);
        TopicProbe.publish(vote(articleId, 1, true, "reader-a", now.plusSeconds(5)));
        TopicProbe.publish(first);
        TopicProbe.publish(vote(articleId, 1, true, "reader-b", now));

        await().atMost(WAIT).until(() -> latestVotes(articleId) == 2
                && mongo.count(Query.query(Criteria.where("articleId").is(articleId).and("helpful").is(true)),
                        LatestVote.class) == 2);
    }

    @Test
    void votesOnARevisionThatIsNoLongerCurrentDoNotQueueTheArticle() {
        String articleId = knownArticle(2);
        Instant now = Instant.now();
        for (int i = 0; i < 25; i++) {
            TopicProbe.publish(vote(articleId, 1, false, "old-reader-" + i, now));
        }

        await().atMost(WAIT).until(() -> latestVotes(articleId) == 25);
        assertThat(itemOf(articleId)).isNull();
    }
}
