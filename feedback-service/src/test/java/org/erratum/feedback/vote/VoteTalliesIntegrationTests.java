package org.erratum.feedback.vote;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.erratum.events.Topics;
import org.erratum.events.VoteCast;
import org.erratum.feedback.Http;
import org.erratum.feedback.KafkaInspection;
import org.erratum.feedback.TestArticles;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.vote.VoteTallies.DayVotes;
import org.erratum.feedback.vote.VoteTallies.RevisionVotes;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The incremental helpfulness tallies, kept from {@code feedback.votes}: votes cast through the API, and vote events
 * published as the relay would (with the times they were cast, days ago), duplicates and late arrivals included.
 * The redelivery of one record is played by handing the same record to the tallies again, on a partition no
 * real record uses, so nothing the consumer does interferes.
 */
@IntegrationTest
class VoteTalliesIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String GROUP = "feedback-service";
    /** Beyond the topic's partitions: records handed over by hand here never meet real ones. */
    private static final int UNUSED_PARTITION = 1_000;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    VoteTallies tallies;

    private KnownArticle article;
    private final Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));

    @BeforeEach
    void publishAnArticleAtRevisionTwo() {
        String articleId = TestArticles.newArticleId();
        article = TestArticles.publishAndAwait(TestArticles.article(articleId, "slug-" + articleId, 2, 2), mongo);
    }

    @Test
    void votesCastThroughTheApiAreCountedPerRevisionAndAReplacedVoteMovesItsCountOnce() {
        Http http = new Http(port);
        String reader = "erratum_reader=" + "r".repeat(43);
        for (String vote : List.of("true", "true", "false")) {
            assertThat(http.postJson("/api/feedback/votes", voteJson(2, vote)).statusCode()).isEqualTo(202);
        }
        assertThat(http.postJson("/api/feedback/votes", voteJson(2, "true"), "Cookie", reader).statusCode())
                .isEqualTo(202);
        awaitRevision(2, 3, 1);

        assertThat(http.postJson("/api/feedback/votes", voteJson(2, "false"), "Cookie", reader).statusCode())
                .isEqualTo(202);

        awaitRevision(2, 2, 2);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(tallies.perDay(article.articleId(), today, today))
                .containsExactly(new DayVotes(today, 2, 2, 2));
    }

    @Test
    void aVoteReplacedOnALaterDayMovesFromItsFirstDayToItsLastAndDuplicatesAndLateArrivalsChangeNothing() {
        VoteCast first = vote("reader-a", tenDaysAgo, true);
        VoteCast other = vote("reader-b", tenDaysAgo.plusSeconds(60), false);
        VoteCast changedMind = vote("reader-a", tenDaysAgo.plus(Duration.ofDays(3)), false);
        TopicProbe.publish(first);
        TopicProbe.publish(other);
        TopicProbe.publish(changedMind);
        TopicProbe.publish(changedMind); // the relay resent what Kafka had written
        TopicProbe.publish(first); // an older vote of the same reader arriving late

        awaitRevision(1, 0, 2);
        KafkaInspection.awaitCaughtUp(GROUP, Topics.VOTES);
        assertThat(tallies.perRevision(article.articleId(), 2)).containsExactly(
                new RevisionVotes(1, 0, 2), new RevisionVotes(2, 0, 0));
        LocalDate day = LocalDate.ofInstant(tenDaysAgo, ZoneOffset.UTC);
        assertThat(tallies.perDay(article.articleId(), day.minusDays(1), day.plusDays(5))).containsExactly(
                new DayVotes(day, 1, 0, 1), new DayVotes(day.plusDays(3), 1, 0, 1));
    }

    @Test
    void aRecordHandledAgainAfterItWasCountedChangesNothing() {
        VoteCast vote = vote("reader-c", tenDaysAgo, true);
        VoteCast replaced = vote("reader-c", tenDaysAgo.plus(Duration.ofDays(1)), false);

        tallies.count(vote, UNUSED_PARTITION, 10);
        tallies.count(vote, UNUSED_PARTITION, 10);
        tallies.count(replaced, UNUSED_PARTITION, 11);
        tallies.count(replaced, UNUSED_PARTITION, 11);
        tallies.count(vote, UNUSED_PARTITION, 10);

        assertThat(tallies.perRevision(article.articleId(), 1)).containsExactly(new RevisionVotes(1, 0, 1));
        LocalDate day = LocalDate.ofInstant(tenDaysAgo, ZoneOffset.UTC);
        assertThat(tallies.perDay(article.articleId(), day, day.plusDays(1))).containsExactly(
                new DayVotes(day, 1, 0, 0), new DayVotes(day.plusDays(1), 1, 0, 1));
    }

    @Test
    void aRecordHandledAgainAfterACrashBetweenRecordingTheVoteAndMovingItsCountsMovesThemOnce() {
        VoteCast vote = vote("reader-d", tenDaysAgo, true);
        tallies.count(vote, UNUSED_PARTITION, 20);
        VoteCast replaced = vote("reader-d", tenDaysAgo.plus(Duration.ofDays(2)), false);
        TalliedVote held = mongo.findById(TalliedVote.idOf(vote), TalliedVote.class);
        // what the first step of handling `replaced` writes, with the process stopping before the tallies move
        mongo.save(TalliedVote.after(held, replaced, UNUSED_PARTITION, 21));

        tallies.count(replaced, UNUSED_PARTITION, 21);
        tallies.count(replaced, UNUSED_PARTITION, 21);

        assertThat(tallies.perRevision(article.articleId(), 1)).containsExactly(new RevisionVotes(1, 0, 1));
        LocalDate day = LocalDate.ofInstant(tenDaysAgo, ZoneOffset.UTC);
        assertThat(tallies.perDay(article.articleId(), day, day.plusDays(2))).containsExactly(
                new DayVotes(day, 1, 0, 0), new DayVotes(day.plusDays(2), 1, 0, 1));
    }

    private VoteCast vote(String reader, Instant at, boolean helpful) {
        return new VoteCast(UUID.randomUUID(), at, article.articleId(), 1, helpful, null, reader);
    }

    private String voteJson(int revision, String helpful) {
        return """
                {"articleId":"%s","revision":%d,"helpful":%s}""".formatted(article.articleId(), revision, helpful);
    }

    private void awaitRevision(int revision, long yes, long no) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(tallies.perRevision(article.articleId(), 2))
                .contains(new RevisionVotes(revision, yes, no)));
    }
}
