package org.erratum.review.helpfulness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.erratum.events.Topics;
import org.erratum.events.VoteCast;
import org.erratum.platform.migration.Migrations;
import org.erratum.platform.tally.OnceOnlyCounters;
import org.erratum.platform.tally.OnceOnlyCounters.Step;
import org.erratum.review.Fixtures;
import org.erratum.review.helpfulness.RevisionHelpfulness.Votes;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The incremental tallies the review service judges helpfulness by: per revision and site-wide, exact under
 * redelivery, replaced and late votes, two instances handling the same records, a crash between the vote's state and
 * the tallies, and the backfill of votes stored before the tallies existed. Records are handed to the tallies by hand
 * on partitions no real record uses, a fresh one per test, so nothing the consumer does interferes; the site-wide
 * tally is checked against every stored vote, which other tests' votes keep true as well.
 */
@IntegrationTest
class VoteTalliesIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Beyond the topic's partitions: records handed over by hand here never meet real ones. */
    private static final AtomicInteger UNUSED_PARTITIONS = new AtomicInteger(2_000);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    VoteTallies tallies;

    @Autowired
    RevisionHelpfulness helpfulness;

    @Autowired
    HelpfulnessWatch watch;

    @Autowired
    TallyBackfill backfill;

    private final int partition = UNUSED_PARTITIONS.incrementAndGet();
    private final String articleId = Fixtures.newArticleId();
    private final Instant now = Instant.now();

    private VoteCast vote(boolean helpful, String reader, Instant at) {
        return new VoteCast(UUID.randomUUID(), at, articleId, 1, helpful,
                helpful ? null : VoteCast.NotHelpfulReason.CONFUSING, reader);
    }

    private VoteCast republished(VoteCast vote) {
        return new VoteCast(vote.eventId(), vote.occurredAt(), vote.articleId(), vote.revision(), vote.helpful(),
                vote.reason(), vote.readerKey());
    }

    @Test
    void aNewVoteAddsOneAReplacedVoteMovesOneAndRedeliveredOrLateVotesChangeNothing() {
        VoteCast first = vote(false, "reader-a", now);
        VoteCast changedMind = vote(true, "reader-a", now.plusSeconds(5));
        tallies.count(first, partition, 1);
        tallies.count(vote(true, "reader-b", now), partition, 2);
        assertThat(helpfulness.of(articleId, 1)).isEqualTo(new Votes(1, 1));

        tallies.count(changedMind, partition, 3);
        assertThat(helpfulness.of(articleId, 1)).as("moved from no to yes").isEqualTo(new Votes(2, 0));

        tallies.count(first, partition, 1); // the same record again, after a rebalance
        tallies.count(changedMind, partition, 3);
        tallies.count(republished(changedMind), partition, 4); // the relay published it twice
        tallies.count(vote(false, "reader-a", now.plusSeconds(1)), partition, 5); // cast before the change, late
        tallies.count(vote(true, "reader-b", now.plusSeconds(6)), partition, 6); // yes again: nothing moves

        assertThat(helpfulness.of(articleId, 1)).isEqualTo(new Votes(2, 0));
        assertThat(helpfulness.of(articleId, 2)).isEqualTo(new Votes(0, 0));
        awaitSiteTallyCountsEveryStoredVote();
    }

    @Test
    void twoInstancesHandlingTheSameRecordsAtOnceCountEachOnce() throws Exception {
        List<VoteCast> records = new ArrayList<>();
        for (int reader = 0; reader < 20; reader++) {
            records.add(vote(reader % 2 == 0, "reader-" + reader, now));
        }
        for (int reader = 0; reader < 20; reader += 4) {
            records.add(vote(false, "reader-" + reader, now.plusSeconds(10))); // five yes become no
        }
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> instances = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            instances.add(CompletableFuture.runAsync(() -> {
                awaitQuietly(start);
                for (int offset = 0; offset < records.size(); offset++) {
                    watch.record(records.get(offset), partition, offset);
                }
            }));
        }
        start.countDown();
        CompletableFuture.allOf(instances.toArray(CompletableFuture[]::new)).get();

        assertThat(helpfulness.of(articleId, 1)).isEqualTo(new Votes(5, 15));
        awaitSiteTallyCountsEveryStoredVote();
    }

    @Test
    void aPollWithAReaderVotingTwiceAndThriceCountsEachReaderOnceWithTheirLatestVote() {
        tallies.count(vote(true, "reader-b", now), partition, 1);
        VoteCast aFirst = vote(true, "reader-a", now);
        VoteCast aSecond = vote(false, "reader-a", now.plusSeconds(1));
        List<Step<VoteCast>> poll = List.of(step(aFirst, 2), step(aSecond, 3), step(vote(false, "reader-b",
                now.plusSeconds(1)), 4), step(vote(true, "reader-a", now.plusSeconds(2)), 5),
                step(vote(false, "reader-c", now), 6), step(republished(aSecond), 7),
                step(vote(true, "reader-c", now.minusSeconds(1)), 8));

        tallies.countAll(poll);
        assertThat(helpfulness.of(articleId, 1)).as("a yes, b changed to no, c no").isEqualTo(new Votes(1, 2));

        tallies.countAll(poll); // redelivered whole, after a rebalance
        assertThat(helpfulness.of(articleId, 1)).isEqualTo(new Votes(1, 2));
        awaitSiteTallyCountsEveryStoredVote();
    }

    @Test
    void aPollRedeliveredAfterACrashBetweenItsStatesAndItsTalliesIsCountedOnceHoweverKafkaCutsIt() {
        VoteCast aFirst = vote(true, "reader-a", now);
        VoteCast b = vote(false, "reader-b", now);
        VoteCast aChanged = vote(false, "reader-a", now.plusSeconds(1));
        VoteCast c = vote(true, "reader-c", now);
        tallies.count(vote(true, "reader-c", now.minusSeconds(5)), partition, 1);
        LatestVote cBefore = mongo.findById(LatestVote.idOf(articleId, 1, "reader-c"), LatestVote.class);
        // what the poll [aFirst@2, b@3, aChanged@4, c@5] wrote before the process stopped: each reader's state
        // after their newest vote of the poll, none of the tallies
        mongo.insert(LatestVote.after(null, b, partition, 3));
        mongo.insert(LatestVote.after(null, aChanged, partition, 4));
        mongo.save(LatestVote.after(cBefore, c, partition, 5));
        assertThat(helpfulness.of(articleId, 1)).isEqualTo(new Votes(1, 0));

        // restarted, Kafka cuts the same records into other polls, the last running on into a new record
        VoteCast d = vote(false, "reader-d", now);
        watch.recordAll(List.of(step(aFirst, 2)));
        watch.recordAll(List.of(step(b, 3), step(aChanged, 4)));
        watch.recordAll(List.of(step(c, 5), step(d, 6)));
        watch.recordAll(List.of(step(aFirst, 2), step(b, 3), step(aChanged, 4), step(c, 5), step(d, 6)));

        assertThat(helpfulness.of(articleId, 1)).as("c yes; a, b, d no").isEqualTo(new Votes(1, 3));
        awaitSiteTallyCountsEveryStoredVote();
    }

    @Test
    void twoInstancesHandlingTheSamePollsAtOnceCountEachVoteOnce() throws Exception {
        List<Step<VoteCast>> records = new ArrayList<>();
        for (int reader = 0; reader < 40; reader++) {
            records.add(step(vote(reader % 2 == 0, "reader-" + reader, now), records.size()));
        }
        for (int reader = 0; reader < 40; reader += 4) {
            records.add(step(vote(false, "reader-" + reader, now.plusSeconds(10)), records.size()));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> instances = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            int pollSize = 7 + instance * 6; // the two instances' polls are cut differently
            instances.add(CompletableFuture.runAsync(() -> {
                awaitQuietly(start);
                for (int from = 0; from < records.size(); from += pollSize) {
                    watch.recordAll(records.subList(from, Math.min(from + pollSize, records.size())));
                }
            }));
        }
        start.countDown();
        CompletableFuture.allOf(instances.toArray(CompletableFuture[]::new)).get();

        assertThat(helpfulness.of(articleId, 1)).as("ten of twenty yes became no").isEqualTo(new Votes(10, 30));
        awaitSiteTallyCountsEveryStoredVote();
    }

    private Step<VoteCast> step(VoteCast vote, long offset) {
        return new Step<>(vote, partition, offset);
    }

    @Test
    void aRecordInterruptedAfterTheVoteWasStoredIsFinishedWhenItIsDeliveredAgain() {
        VoteCast counted = vote(true, "reader-a", now);
        VoteCast crashedBeforeAnyTally = vote(false, "reader-b", now);
        tallies.count(counted, partition, 1);
        // what a crash leaves: the vote's new state stored, the tallies not yet moved
        mongo.insert(LatestVote.after(null, crashedBeforeAnyTally, partition, 2));
        assertThat(helpfulness.of(articleId, 1)).isEqualTo(new Votes(1, 0));

        // restarted, the service is given the records from the last committed offset again
        tallies.count(counted, partition, 1);
        tallies.count(crashedBeforeAnyTally, partition, 2);
        assertThat(helpfulness.of(articleId, 1)).isEqualTo(new Votes(1, 1));

        VoteCast crashedAfterTheRevisionTally = vote(true, "reader-b", now.plusSeconds(1));
        LatestVote held = mongo.findById(LatestVote.idOf(articleId, 1, "reader-b"), LatestVote.class);
        mongo.save(LatestVote.after(held, crashedAfterTheRevisionTally, partition, 3));
        new OnceOnlyCounters(mongo).add(RevisionTally.COLLECTION, RevisionTally.idOf(articleId, 1),
                Integer.toString(partition), 3, Map.of("yes", 1L, "no", -1L),
                Map.of("articleId", articleId, "revision", 1));

        tallies.count(crashedAfterTheRevisionTally, partition, 3);

        assertThat(helpfulness.of(articleId, 1)).isEqualTo(new Votes(2, 0));
        awaitSiteTallyCountsEveryStoredVote();
    }

    @Test
    void votesStoredBeforeTheTalliesAreCountedOnceEvenWhenTheBackfillRunsAgain() {
        for (String reader : List.of("old-a", "old-b", "old-c")) {
            mongo.insert(storedBeforeTallies(1, reader, true), "latest_votes");
        }
        mongo.insert(storedBeforeTallies(1, "old-d", false), "latest_votes");
        mongo.insert(storedBeforeTallies(2, "old-e", false), "latest_votes");
        // as on an upgraded store; named afresh, as the backfill at this context's start already ran
        String migration = "test-" + UUID.randomUUID();

        backfill.run(migration);

        assertThat(helpfulness.of(articleId, 1)).isEqualTo(new Votes(3, 1));
        assertThat(helpfulness.of(articleId, 2)).isEqualTo(new Votes(0, 1));
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(migration)), Migrations.COLLECTION))
                .isTrue();
        awaitSiteTallyCountsEveryStoredVote();

        // a crash before the marker was written, or a second instance starting at the same time
        mongo.remove(Query.query(Criteria.where("_id").is(migration)), Migrations.COLLECTION);
        backfill.run(migration);
        assertThat(helpfulness.of(articleId, 1)).isEqualTo(new Votes(3, 1));

        tallies.count(vote(false, "old-a", now), partition, 1);
        assertThat(helpfulness.of(articleId, 1)).as("an old vote replaced moves its count")
                .isEqualTo(new Votes(2, 2));
        awaitSiteTallyCountsEveryStoredVote();
    }

    @Test
    void votesArrivingThroughKafkaAreCountedOnceAlsoWhenPublishedAgain() {
        TopicProbe.publish(Fixtures.article(articleId, 1, 1));
        VoteCast first = vote(true, "reader-a", now);
        List<VoteCast> published = List.of(first, vote(false, "reader-b", now),
                vote(false, "reader-a", now.plusSeconds(3)), republished(first), vote(true, "reader-c", now));
        TopicProbe.publishAll(published);

        await().atMost(WAIT).until(() -> mongo.exists(Query.query(Criteria.where("_id")
                .is(LatestVote.idOf(articleId, 1, "reader-c"))), LatestVote.class)
                && helpfulness.of(articleId, 1).total() == 3);
        assertThat(helpfulness.of(articleId, 1)).isEqualTo(new Votes(1, 2));
        awaitSiteTallyCountsEveryStoredVote();
    }

    @Test
    void aVoteThatCannotBeCountedGoesToTheDeadLetterTopicAfterItsAttemptsAndTheVotesAfterItAreCounted() {
        TopicProbe.publish(Fixtures.article(articleId, 1, 1));
        String castAtUnknown = """
                {"eventId":"%s","articleId":"%s","revision":1,"helpful":true,"readerKey":"reader-p"}"""
                .formatted(UUID.randomUUID(), articleId);
        TopicProbe.send(Topics.VOTES, articleId, castAtUnknown, Map.of("ce_type", "erratum.feedback.vote-cast.v1"));
        TopicProbe.publishAll(List.of(vote(true, "reader-a", now), vote(false, "reader-b", now)));

        var dead = TopicProbe.awaitRecord("error.feedback.votes.review-service", r -> articleId.equals(r.key()));
        assertThat(dead.value()).isEqualTo(castAtUnknown);
        await().atMost(WAIT).untilAsserted(() -> assertThat(helpfulness.of(articleId, 1))
                .isEqualTo(new Votes(1, 1)));
        awaitSiteTallyCountsEveryStoredVote();
    }

    @Test
    void aRecordThatIsNotAVoteGoesToTheDeadLetterTopicAndTheVotesAroundItAreCounted() {
        TopicProbe.publish(Fixtures.article(articleId, 1, 1));
        TopicProbe.publish(vote(true, "reader-a", now));
        TopicProbe.send(Topics.VOTES, articleId, "{this is not json", Map.of("ce_type", "erratum.feedback.vote-cast.v1"));
        TopicProbe.publish(vote(false, "reader-b", now));

        var dead = TopicProbe.awaitRecord("error.feedback.votes.review-service", r -> articleId.equals(r.key()));
        assertThat(dead.value()).isEqualTo("{this is not json");
        await().atMost(WAIT).untilAsserted(() -> assertThat(helpfulness.of(articleId, 1))
                .isEqualTo(new Votes(1, 1)));
        awaitSiteTallyCountsEveryStoredVote();
    }

    /** A vote as the version before the tallies stored it: no event id, nothing about what made it. */
    private Document storedBeforeTallies(int revision, String reader, boolean helpful) {
        return new Document("_id", LatestVote.idOf(articleId, revision, reader)).append("articleId", articleId)
                .append("revision", revision).append("helpful", helpful)
                .append("occurredAt", Date.from(now.minus(Duration.ofDays(30))));
    }

    /** Every reader's latest vote on every revision is in the site-wide tally once; votes in flight settle. */
    private void awaitSiteTallyCountsEveryStoredVote() {
        await().atMost(WAIT).untilAsserted(() -> {
            SiteTally site = mongo.findById(SiteTally.ID, SiteTally.class);
            assertThat(site).isNotNull();
            assertThat(new Votes(site.yes(), site.no())).isEqualTo(new Votes(
                    mongo.count(Query.query(Criteria.where("helpful").is(true)), LatestVote.class),
                    mongo.count(Query.query(Criteria.where("helpful").is(false)), LatestVote.class)));
        });
    }

    private static void awaitQuietly(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
