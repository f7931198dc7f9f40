package org.erratum.feedback.vote;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.erratum.events.Topics;
import org.bson.Document;
import org.erratum.events.VoteCast;
import org.erratum.events.VoteCast.NotHelpfulReason;
import org.erratum.feedback.TestArticles;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.vote.VoteTallies.DayVotes;
import org.erratum.feedback.vote.VoteTallies.RevisionVotes;
import org.erratum.platform.migration.Migrations;
import org.erratum.platform.tally.OnceOnlyCounters.Step;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

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

    @Autowired
    ReasonBackfill backfill;

    private KnownArticle article;
    private final Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));

    @BeforeEach
    void publishAnArticleAtRevisionTwo() {
        String articleId = TestArticles.newArticleId();
        article = TestArticles.publishAndAwait(TestArticles.article(articleId, "slug-" + articleId, 2, 2), mongo);
    }

    @Test
    void votesCastThroughTheApiAreCountedPerRevisionAndAReplacedVoteMovesItsCountOnce() {
        TestClient http = TestClient.onPort(port);
        String reader = "erratum_reader=" + "r".repeat(43);
        for (String vote : List.of("true", "true", "false")) {
            assertThat(http.post("/api/feedback/votes", voteJson(2, vote)).status()).isEqualTo(202);
        }
        assertThat(http.withHeader("Cookie", reader).post("/api/feedback/votes", voteJson(2, "true")).status())
                .isEqualTo(202);
        awaitRevision(2, 3, 1);

        assertThat(http.withHeader("Cookie", reader).post("/api/feedback/votes", voteJson(2, "false")).status())
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
        TopicProbe.awaitCaughtUp(GROUP, Topics.VOTES);
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

    @Test
    void theReasonOfANoMovesWithTheVoteAndARecordHandledAgainMovesItOnce() {
        VoteCast confusing = vote("reader-e", tenDaysAgo, false, NotHelpfulReason.CONFUSING);
        VoteCast outOfDate = vote("reader-e", tenDaysAgo.plusSeconds(5), false, NotHelpfulReason.OUT_OF_DATE);
        VoteCast helpful = vote("reader-e", tenDaysAgo.plusSeconds(9), true, null);

        tallies.count(confusing, UNUSED_PARTITION, 30);
        tallies.count(vote("reader-f", tenDaysAgo, false, NotHelpfulReason.CONFUSING), UNUSED_PARTITION, 31);
        tallies.count(outOfDate, UNUSED_PARTITION, 32);
        tallies.count(outOfDate, UNUSED_PARTITION, 32);
        tallies.count(confusing, UNUSED_PARTITION, 30);
        assertThat(tallies.of(article.articleId(), 1)).isEqualTo(tally(0, 2, Map.of(
                NotHelpfulReason.CONFUSING, 1L, NotHelpfulReason.OUT_OF_DATE, 1L)));

        tallies.count(helpful, UNUSED_PARTITION, 33);
        assertThat(tallies.of(article.articleId(), 1)).isEqualTo(tally(1, 1, Map.of(
                NotHelpfulReason.CONFUSING, 1L)));
    }

    @Test
    void aPollWithAReaderVotingTwiceAndThriceCountsEachReaderOnceWithTheirLatestVote() {
        VoteCast bBefore = vote("reader-b", tenDaysAgo, false, NotHelpfulReason.OUT_OF_DATE);
        tallies.count(bBefore, UNUSED_PARTITION, 50);
        VoteCast aFirst = vote("reader-a", tenDaysAgo, true, null);
        VoteCast aSecond = vote("reader-a", tenDaysAgo.plus(Duration.ofDays(1)), false, NotHelpfulReason.CONFUSING);
        VoteCast aThird = vote("reader-a", tenDaysAgo.plus(Duration.ofDays(2)), true, null);
        VoteCast bChanged = vote("reader-b", tenDaysAgo.plus(Duration.ofDays(1)), true, null);
        VoteCast c = vote("reader-c", tenDaysAgo, false, NotHelpfulReason.INACCURATE);
        VoteCast cLateAndOlder = vote("reader-c", tenDaysAgo.minusSeconds(60), true, null);

        tallies.countAll(List.of(step(aFirst, 51), step(aSecond, 52), step(bChanged, 53), step(aThird, 54),
                step(c, 55), step(aSecond, 56), step(cLateAndOlder, 57)));

        assertThat(mongo.findById(RevisionTally.idOf(article.articleId(), 1), Document.class, "helpfulness_revisions")
                .get("version", Number.class).longValue()).as("the poll's moves reached the tally in one write")
                .isEqualTo(2);

        assertThat(tallies.of(article.articleId(), 1)).isEqualTo(tally(2, 1, Map.of(
                NotHelpfulReason.INACCURATE, 1L)));
        LocalDate day = LocalDate.ofInstant(tenDaysAgo, ZoneOffset.UTC);
        assertThat(tallies.perDay(article.articleId(), day.minusDays(1), day.plusDays(3))).containsExactly(
                new DayVotes(day, 1, 0, 1), new DayVotes(day.plusDays(1), 1, 1, 0),
                new DayVotes(day.plusDays(2), 1, 1, 0));
    }

    @Test
    void aPollRedeliveredAfterACrashBetweenItsStatesAndItsTalliesIsCountedOnceHoweverKafkaCutsIt() {
        VoteCast aFirst = vote("reader-a", tenDaysAgo, true);
        VoteCast b = vote("reader-b", tenDaysAgo, false);
        VoteCast aChanged = vote("reader-a", tenDaysAgo.plus(Duration.ofDays(1)), false);
        VoteCast c = vote("reader-c", tenDaysAgo, true);
        // what the poll [aFirst@60, b@61, aChanged@62, c@63] wrote before the process stopped: each reader's state
        // after their newest vote of the poll, none of the tallies
        for (Step<VoteCast> newest : List.of(step(b, 61), step(aChanged, 62), step(c, 63))) {
            mongo.insert(TalliedVote.after(null, newest.value(), UNUSED_PARTITION, newest.offset()));
        }

        // restarted, Kafka cuts the same records into other polls, the last running on into a new record
        VoteCast d = vote("reader-d", tenDaysAgo, true);
        tallies.countAll(List.of(step(aFirst, 60)));
        tallies.countAll(List.of(step(b, 61), step(aChanged, 62)));
        tallies.countAll(List.of(step(c, 63), step(d, 64)));
        // and once more as one poll, as after a rebalance
        tallies.countAll(List.of(step(aFirst, 60), step(b, 61), step(aChanged, 62), step(c, 63), step(d, 64)));

        assertThat(tallies.perRevision(article.articleId(), 1)).containsExactly(new RevisionVotes(1, 2, 2));
        LocalDate day = LocalDate.ofInstant(tenDaysAgo, ZoneOffset.UTC);
        assertThat(tallies.perDay(article.articleId(), day, day.plusDays(1))).containsExactly(
                new DayVotes(day, 1, 2, 1), new DayVotes(day.plusDays(1), 1, 0, 1));
    }

    @Test
    void twoHandlersOfTheSamePollAtOnceCountEachVoteOnce() throws Exception {
        List<Step<VoteCast>> poll = new ArrayList<>();
        for (int reader = 0; reader < 30; reader++) {
            poll.add(step(vote("reader-" + reader, tenDaysAgo, reader % 3 != 0), 100 + poll.size()));
        }
        for (int reader = 0; reader < 30; reader += 5) {
            poll.add(step(vote("reader-" + reader, tenDaysAgo.plusSeconds(10), false), 100 + poll.size()));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> handlers = new ArrayList<>();
        for (int handler = 0; handler < 2; handler++) {
            handlers.add(CompletableFuture.runAsync(() -> {
                awaitQuietly(start);
                tallies.countAll(poll);
            }));
        }
        start.countDown();
        CompletableFuture.allOf(handlers.toArray(CompletableFuture[]::new)).get();

        // 20 yes, of which readers 5, 10, 20 and 25 changed to no (0 and 15 were no already)
        assertThat(tallies.perRevision(article.articleId(), 1)).containsExactly(new RevisionVotes(1, 16, 14));
    }

    private static Step<VoteCast> step(VoteCast vote, long offset) {
        return new Step<>(vote, UNUSED_PARTITION, offset);
    }

    private static void awaitQuietly(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void reasonsOfVotesTalliedBeforeReasonsWereAreCountedOnceEvenWhenTheBackfillRunsAgain() {
        VoteCast confusing = vote("reader-g", tenDaysAgo, false, NotHelpfulReason.CONFUSING);
        VoteCast inaccurate = vote("reader-h", tenDaysAgo, false, NotHelpfulReason.INACCURATE);
        VoteCast replacedSince = vote("reader-i", tenDaysAgo, false, NotHelpfulReason.INACCURATE);
        for (VoteCast vote : List.of(confusing, inaccurate, replacedSince)) {
            storedAndTalliedBeforeReasons(vote);
        }
        // the reader voted again; that vote is accepted, its record not yet tallied
        mongo.save(storedVote(vote("reader-i", tenDaysAgo.plusSeconds(5), false, NotHelpfulReason.OTHER)));
        // as on an upgraded store; named afresh, as the backfill at this context's start already ran
        String migration = "test-" + UUID.randomUUID();

        backfill.run(migration);
        mongo.remove(query(where("_id").is(migration)), Migrations.COLLECTION); // a crash before the marker
        backfill.run(migration);

        assertThat(tallies.of(article.articleId(), 1)).isEqualTo(tally(0, 3, Map.of(
                NotHelpfulReason.CONFUSING, 1L, NotHelpfulReason.INACCURATE, 1L)));
        tallies.count(vote("reader-g", tenDaysAgo.plusSeconds(9), true, null), UNUSED_PARTITION, 40);
        tallies.count(vote("reader-i", tenDaysAgo.plusSeconds(5), false, NotHelpfulReason.OTHER),
                UNUSED_PARTITION, 41);
        assertThat(tallies.of(article.articleId(), 1)).as("a backfilled reason moves like any other")
                .isEqualTo(tally(1, 2, Map.of(NotHelpfulReason.INACCURATE, 1L, NotHelpfulReason.OTHER, 1L)));
    }

    /** The vote stored, and its state and counts as the tallies kept them before they counted reasons. */
    private void storedAndTalliedBeforeReasons(VoteCast vote) {
        mongo.save(storedVote(vote));
        TalliedVote counted = TalliedVote.after(null, vote, UNUSED_PARTITION, 0);
        mongo.insert(new Document("_id", counted.id()).append("articleId", counted.articleId())
                .append("revision", counted.revision()).append("eventId", counted.eventId())
                .append("occurredAt", Date.from(counted.occurredAt())).append("day", counted.day())
                .append("helpful", counted.helpful()).append("partition", counted.partition())
                .append("offset", counted.offset()), "tallied_votes");
        mongo.upsert(query(where("_id").is(RevisionTally.idOf(vote.articleId(), vote.revision()))),
                new Update().inc("no", 1).inc("version", 1).setOnInsert("articleId", vote.articleId())
                        .setOnInsert("revision", vote.revision()), RevisionTally.class);
    }

    private static Vote storedVote(VoteCast vote) {
        return new Vote(TalliedVote.idOf(vote), vote.articleId(), vote.revision(), vote.readerKey(), vote.helpful(),
                vote.reason(), vote.eventId().toString(), vote.occurredAt(), false, List.of(), true);
    }

    private static VoteTallies.Tally tally(long yes, long no, Map<NotHelpfulReason, Long> given) {
        Map<NotHelpfulReason, Long> reasons = new EnumMap<>(NotHelpfulReason.class);
        for (NotHelpfulReason reason : NotHelpfulReason.values()) {
            reasons.put(reason, given.getOrDefault(reason, 0L));
        }
        return new VoteTallies.Tally(yes, no, reasons);
    }

    private VoteCast vote(String reader, Instant at, boolean helpful, NotHelpfulReason reason) {
        return new VoteCast(UUID.randomUUID(), at, article.articleId(), 1, helpful, reason, reader);
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
