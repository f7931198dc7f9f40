package org.erratum.review.helpfulness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.erratum.events.ArticleChanged;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.events.Topics;
import org.erratum.events.VoteCast;
import org.erratum.platform.tally.OnceOnlyCounters.Step;
import org.erratum.review.Fixtures;
import org.erratum.review.QueuePages;
import org.erratum.review.article.KnownArticle;
import org.erratum.review.article.RevisionText;
import org.erratum.testsupport.TestClient;
import org.erratum.review.queue.ItemState;
import org.erratum.review.queue.Outcome;
import org.erratum.review.queue.ReviewItem;
import org.erratum.review.queue.Source;
import org.erratum.review.queue.StoredItems;
import org.erratum.review.queue.ReviewItem.Activity;
import org.erratum.review.queue.ReviewItem.Verification;
import org.erratum.review.queue.Claims;
import org.erratum.review.queue.Resolutions;
import org.erratum.review.queue.Staff;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.Scrape;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reader reports revision 1, a reviewer resolves the item as revised by revision 2, and readers then vote on
 * revision 2 through {@code feedback.votes}: with 30 votes (the default minimum) its smoothed helpfulness is compared
 * with revision 1's. The vote counts are chosen so that the verdict holds whatever the site-wide helpful rate the
 * smoothing starts from (other tests' votes share the store): each score stays within the bounds its prior allows.
 */
@IntegrationTest
class FixVerificationIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Staff REVIEWER = new Staff("reviewer", false);
    /** Beyond the topic's partitions: a record handed over by hand here never meets a real one. */
    private static final int UNUSED_PARTITION = 1_000;
    /** Another such partition, for a poll handed over by hand, whose records the site-wide tally counts in order. */
    private static final int POLL_PARTITION = 1_001;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Claims claims;

    @Autowired
    Resolutions resolutions;

    @Autowired
    HelpfulnessWatch watch;

    @Autowired
    RevisionHelpfulness helpfulness;

    @Test
    void whenTheFixedRevisionIsNoMoreHelpfulThenTheItemReopensWithTheMeasurement() {
        ReviewItem item = reportedAndCorrected();
        votes(item, 1, 20, 0);
        resolveAsRevisedBy2(item);
        Scrape before = Scrape.of(port);

        votes(item, 2, 24, 5);
        ReviewItem waiting = reload(item);
        assertThat(waiting.state()).as("29 votes are fewer than the minimum of 30").isEqualTo(ItemState.RESOLVED);
        assertThat(waiting.verification().status()).isEqualTo(Verification.Status.PENDING);
        assertThat(oneLine(reviewer().getText(page(item)).body())).contains("Fix verification pending")
                .contains("Revision <span>2</span> has <span>29</span> of the <span>30</span> votes it needs");

        publish(vote(item, 2, false));
        ReviewItem reopened = await().atMost(WAIT).until(() -> reload(item), i -> i.state() == ItemState.OPEN);

        Verification verdict = reopened.verification();
        assertThat(verdict.status()).isEqualTo(Verification.Status.NOT_VERIFIED);
        assertThat(verdict.fixed().revision()).isEqualTo(2);
        assertThat(verdict.fixed().votes()).isEqualTo(30);
        assertThat(verdict.before().revision()).isEqualTo(1);
        assertThat(verdict.before().votes()).isEqualTo(20);
        assertThat(verdict.fixed().score()).isLessThan(verdict.before().score());
        String measurement = String.format(Locale.ROOT, "helpfulness %d%% on revision 2 (30 votes) vs %d%% on"
                + " revision 1 (20 votes)", verdict.fixed().percent(), verdict.before().percent());
        Activity last = reopened.activity().get(reopened.activity().size() - 1);
        assertThat(last.action()).isEqualTo("reopened");
        assertThat(last.by()).isEqualTo("system");
        assertThat(last.detail()).isEqualTo("Fix not verified: " + measurement);
        assertThat(reopened.resolution()).as("the fix no longer stands as the item's resolution").isNull();
        assertThat(reopened.claimDueAt()).isAfter(reopened.createdAt());
        assertThat(mongo.findOne(Query.query(Criteria.where("groupKey").is(item.articleId())), ReviewItem.class).id())
                .as("it holds the article's slot again, so new reports join it").isEqualTo(item.id());

        JsonNode announced = JSON.readTree(TopicProbe.awaitRecord(Topics.ITEMS, r -> item.id().equals(
                JSON.readTree(r.value()).get("itemId").asString())
                && JSON.readTree(r.value()).get("version").asLong() == reopened.version()).value());
        assertThat(announced.get("state").asString()).isEqualTo("OPEN");
        assertThat(announced.get("resolution").isNull()).isTrue();

        // counted just after the verdict is stored
        Scrape after = await().atMost(WAIT).until(() -> Scrape.of(port), scrape -> scrape.increase(before,
                "erratum_review_fix_verifications_total", "outcome", "not_improved") > 0);
        assertThat(after.increase(before, "erratum_review_fix_verifications_total", "outcome", "not_improved"))
                .isEqualTo(1);
        assertThat(after.increase(before, "erratum_review_fix_verifications_total", "outcome", "improved"))
                .isZero();

        TestClient reviewer = reviewer();
        assertThat(oneLine(reviewer.getText(page(item)).body())).contains("<h2 id=\"verification-heading\">Fix not"
                + " verified</h2>").contains("<strong>Fix not verified:</strong> <span>" + measurement + "</span>");
        assertThat(queueRow(QueuePages.all(reviewer, "/console"), item)).contains("Reopened: fix not verified");
        claims.claim(item.id(), REVIEWER, null);
        assertThat(reviewer.getText(page(item)).body()).as("revision 2 no longer offered as the answer")
                .doesNotContain("id=\"answer\"").contains("id=\"correct-article\"");
    }

    @Test
    void whenTheFixedRevisionIsMoreHelpfulThenTheFixIsVerifiedAndTheItemStaysResolved() {
        ReviewItem item = reportedAndCorrected();
        votes(item, 1, 10, 10);
        resolveAsRevisedBy2(item);
        Scrape before = Scrape.of(port);

        votes(item, 2, 30, 0);

        ReviewItem verified = await().atMost(WAIT).until(() -> reload(item),
                i -> i.verification().status() != Verification.Status.PENDING);
        assertThat(verified.verification().status()).isEqualTo(Verification.Status.VERIFIED);
        assertThat(verified.state()).isEqualTo(ItemState.RESOLVED);
        assertThat(verified.resolution().outcome()).isEqualTo(Outcome.REVISED);
        Activity last = verified.activity().get(verified.activity().size() - 1);
        assertThat(last.action()).isEqualTo("fix verified");
        assertThat(last.detail()).isEqualTo(verified.verification().measurement())
                .startsWith("helpfulness " + verified.verification().fixed().percent() + "% on revision 2 (30 votes)");
        // counted just after the verdict is stored
        Scrape after = await().atMost(WAIT).until(() -> Scrape.of(port), scrape -> scrape.increase(before,
                "erratum_review_fix_verifications_total", "outcome", "improved") > 0);
        assertThat(after.increase(before, "erratum_review_fix_verifications_total", "outcome", "improved"))
                .isEqualTo(1);

        TestClient reviewer = reviewer();
        assertThat(oneLine(reviewer.getText(page(item)).body())).contains("<strong>Fix verified:</strong> <span>"
                + verified.verification().measurement() + "</span>");
        assertThat(QueuePages.all(reviewer, "/console")).as("a resolved item is not in the queue")
                .doesNotContain(page(item));
    }

    /**
     * The votes are in before the reviewer resolves the item, so the next vote decides. That vote is handled by two
     * instances at once (as when a rebalance hands its record to another instance while the first still works on
     * it), then everything is delivered again: one decision, one reopening, one count.
     */
    @Test
    void redeliveredVotesAndTwoInstancesAtOnceDecideOnce() throws Exception {
        ReviewItem item = reportedAndCorrected();
        votes(item, 1, 20, 0);
        List<VoteCast> fixed = votes(item, 2, 24, 6);
        resolveAsRevisedBy2(item);
        assertThat(reload(item).verification().status()).as("no vote came since").isEqualTo(
                Verification.Status.PENDING);
        Scrape before = Scrape.of(port);

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> instances = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            instances.add(CompletableFuture.runAsync(() -> {
                awaitQuietly(start);
                watch.record(fixed.get(fixed.size() - 1), UNUSED_PARTITION, 0);
            }));
        }
        start.countDown();
        CompletableFuture.allOf(instances.toArray(CompletableFuture[]::new)).get();
        ReviewItem reopened = reload(item);
        assertThat(reopened.state()).isEqualTo(ItemState.OPEN);

        TopicProbe.publishAll(fixed);
        VoteCast marker = publish(vote(item, 1, true));
        await().atMost(WAIT).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(
                LatestVote.idOf(item.articleId(), 1, marker.readerKey()))), LatestVote.class));

        ReviewItem after = reload(item);
        assertThat(after.version()).as("nothing written since the reopening").isEqualTo(reopened.version());
        assertThat(after.activity()).filteredOn(a -> a.action().equals("reopened")).hasSize(1);
        assertThat(Scrape.of(port).increase(before, "erratum_review_fix_verifications_total", "outcome",
                "not_improved")).isEqualTo(1);
    }

    @Test
    void whenTheArticleHasAnotherOpenItemThatOneCarriesOnAndBothLogsSaySo() {
        ReviewItem item = reportedAndCorrected();
        votes(item, 1, 20, 0);
        resolveAsRevisedBy2(item);
        TopicProbe.publish(new ReportSubmitted(UUID.randomUUID(), Instant.now(), item.articleId(), 2,
                Category.OUT_OF_DATE, null, "Still unclear", false));
        ReviewItem other = await().atMost(WAIT).until(() -> mongo.findOne(Query.query(Criteria.where("groupKey")
                .is(item.articleId())), ReviewItem.class), found -> found != null);

        votes(item, 2, 24, 6);

        ReviewItem decided = await().atMost(WAIT).until(() -> reload(item),
                i -> i.verification().status() != Verification.Status.PENDING);
        assertThat(decided.verification().status()).isEqualTo(Verification.Status.NOT_VERIFIED);
        assertThat(decided.state()).isEqualTo(ItemState.RESOLVED);
        assertThat(decided.activity().get(decided.activity().size() - 1).detail()).isEqualTo(
                decided.verification().measurement() + "; item " + other.id() + " is open for the article");
        ReviewItem carriesOn = await().atMost(WAIT).until(() -> reload(other),
                i -> i.activity().stream().anyMatch(a -> a.action().equals("earlier fix not verified")));
        assertThat(carriesOn.activity()).filteredOn(a -> a.action().equals("earlier fix not verified"))
                .extracting(Activity::detail)
                .containsExactly("Item " + item.id() + ": " + decided.verification().measurement());
    }

    /**
     * One poll brings votes on five revisions, judged together: one current revision crosses the minimum unhelpful
     * and is queued, one stays below it, one is no longer current, and two fixes wait for the poll's votes: one, on a
     * revision replaced since, reaches its minimum and is decided; the other keeps waiting.
     */
    @Test
    void aPollOverSeveralRevisionsQueuesTheUnhelpfulOneAndDecidesTheFixThatReachedItsMinimum() {
        String unhelpful = knownArticle(1);
        String fewVotes = knownArticle(1);
        String revisedSince = knownArticle(1);
        publishAndAwait(Fixtures.revision(revisedSince, 2, "Revised", null, "Take two tablets every six hours."));
        ReviewItem decides = reportedAndCorrected();
        votes(decides, 1, 20, 0);
        resolveAsRevisedBy2(decides);
        publishAndAwait(Fixtures.revision(decides.articleId(), 3, "Reworded", null, "Take two tablets, four-hourly."));
        ReviewItem waits = reportedAndCorrected();
        votes(waits, 1, 20, 0);
        resolveAsRevisedBy2(waits);

        List<VoteCast> poll = new ArrayList<>();
        poll.addAll(newReaders(unhelpful, 1, 0, 20));
        poll.addAll(newReaders(fewVotes, 1, 0, 19));
        poll.addAll(newReaders(revisedSince, 1, 0, 25));
        poll.addAll(newReaders(decides.articleId(), 2, 24, 6));
        poll.addAll(newReaders(waits.articleId(), 2, 24, 5));
        Collections.shuffle(poll, new Random(14));
        List<Step<VoteCast>> steps = new ArrayList<>();
        poll.forEach(vote -> steps.add(new Step<>(vote, POLL_PARTITION, steps.size())));
        watch.recordAll(steps);

        ReviewItem queued = activeItemOf(unhelpful);
        assertThat(queued.sources()).containsExactly(Source.LOW_HELPFULNESS);
        assertThat(queued.helpfulness().revision()).isEqualTo(1);
        assertThat(queued.helpfulness().votes()).isEqualTo(20);
        assertThat(activeItemOf(fewVotes)).as("19 votes are fewer than the minimum of 20").isNull();
        assertThat(activeItemOf(revisedSince)).as("revision 1 is no longer what readers see").isNull();
        ReviewItem reopened = reload(decides);
        assertThat(reopened.state()).isEqualTo(ItemState.OPEN);
        assertThat(reopened.verification().status()).isEqualTo(Verification.Status.NOT_VERIFIED);
        assertThat(reopened.verification().fixed().votes()).isEqualTo(30);
        assertThat(reopened.verification().before().votes()).isEqualTo(20);
        ReviewItem waiting = reload(waits);
        assertThat(waiting.state()).as("29 votes are fewer than the minimum of 30").isEqualTo(ItemState.RESOLVED);
        assertThat(waiting.verification().status()).isEqualTo(Verification.Status.PENDING);
    }

    private String knownArticle(int revision) {
        String articleId = Fixtures.newArticleId();
        publishAndAwait(Fixtures.revision(articleId, revision, "First version", null, "Take two tablets."));
        return articleId;
    }

    /** This many helpful then unhelpful votes on the revision, each from a new reader, not yet published. */
    private static List<VoteCast> newReaders(String articleId, int revision, int helpful, int unhelpful) {
        List<VoteCast> votes = new ArrayList<>();
        for (int i = 0; i < helpful + unhelpful; i++) {
            votes.add(vote(articleId, revision, i < helpful));
        }
        return votes;
    }

    private ReviewItem activeItemOf(String articleId) {
        return mongo.findOne(Query.query(Criteria.where("groupKey").is(articleId)), ReviewItem.class);
    }

    /** An article in revision 1, a reader's report on it, and revision 2 saved to answer the item. */
    private ReviewItem reportedAndCorrected() {
        String articleId = Fixtures.newArticleId();
        publishAndAwait(Fixtures.revision(articleId, 1, "First version", null, "Take two tablets every hour."));
        TopicProbe.publish(new ReportSubmitted(UUID.randomUUID(), Instant.now(), articleId, 1, Category.INACCURATE,
                "every hour", "Surely not every hour", false));
        ReviewItem item = await().atMost(WAIT).until(() -> mongo.findOne(Query.query(
                Criteria.where("articleId").is(articleId)), ReviewItem.class), found -> found != null);
        publishAndAwait(Fixtures.revision(articleId, 2, "Every four hours", item.id(),
                "Take two tablets every four hours."));
        return item;
    }

    private void resolveAsRevisedBy2(ReviewItem item) {
        claims.claim(item.id(), REVIEWER, null);
        ReviewItem resolved = resolutions.resolve(item.id(), REVIEWER, new Resolutions.Resolve(Outcome.REVISED, 2,
                "Corrected in revision 2", null, null), null);
        assertThat(resolved.verification().status()).isEqualTo(Verification.Status.PENDING);
        assertThat(resolved.verification().revision()).isEqualTo(2);
        assertThat(resolved.verification().readersSaw()).as("the revision the report was about").isEqualTo(1);
    }

    private void publishAndAwait(ArticleChanged revision) {
        TopicProbe.publish(revision);
        await().atMost(WAIT).until(() -> mongo.findById(revision.articleId() + ":" + revision.revision(),
                RevisionText.class) != null && Optional.ofNullable(mongo.findById(revision.articleId(),
                KnownArticle.class)).map(KnownArticle::revision).orElse(0) == revision.revision());
    }

    /** Publishes this many helpful then unhelpful votes of new readers, and waits until all are kept. */
    private List<VoteCast> votes(ReviewItem item, int revision, int helpful, int unhelpful) {
        long already = votesOn(item, revision);
        List<VoteCast> votes = newReaders(item.articleId(), revision, helpful, unhelpful);
        TopicProbe.publishAll(votes);
        await().atMost(WAIT).until(() -> votesOn(item, revision) == already + votes.size());
        return votes;
    }

    private static VoteCast vote(ReviewItem item, int revision, boolean helpful) {
        return vote(item.articleId(), revision, helpful);
    }

    private static VoteCast vote(String articleId, int revision, boolean helpful) {
        return new VoteCast(UUID.randomUUID(), Instant.now(), articleId, revision, helpful,
                helpful ? null : VoteCast.NotHelpfulReason.CONFUSING, "reader-" + UUID.randomUUID());
    }

    private static VoteCast publish(VoteCast vote) {
        TopicProbe.publish(vote);
        return vote;
    }

    /** As the tallies count them: once a vote is counted there, its handling has read what it decides on. */
    private long votesOn(ReviewItem item, int revision) {
        return helpfulness.of(item.articleId(), revision).total();
    }

    private ReviewItem reload(ReviewItem item) {
        return StoredItems.item(mongo, item.id());
    }

    private TestClient reviewer() {
        return TestClient.onPort(port).signedIn("reviewer", "reviewer-dev-password");
    }

    private static String page(ReviewItem item) {
        return "/console/items/" + item.id();
    }

    /** The queue table's row that links to the item. */
    private static String queueRow(String queuePage, ReviewItem item) {
        int link = queuePage.indexOf("href=\"" + page(item) + "\"");
        assertThat(link).as("the queue lists the item").isNotNegative();
        int end = queuePage.indexOf("</tr>", link);
        return queuePage.substring(queuePage.lastIndexOf("<tr", link), end);
    }

    private static String oneLine(String html) {
        return html.replaceAll("\\s+", " ");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
