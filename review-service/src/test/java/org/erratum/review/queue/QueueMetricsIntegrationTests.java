package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.erratum.events.ReportSubmitted.Category;
import org.erratum.review.Fixtures;
import org.erratum.testsupport.Scrape;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The queue's metrics as Prometheus reads them. Other tests share this context and change the queue too, so every
 * assertion compares a scrape after the action with one before it.
 */
@IntegrationTest
class QueueMetricsIntegrationTests {

    private static final String ONE_HOUR = "3600.0";
    private static final String ONE_DAY = "86400.0";
    private static final int INSTANCES = 4;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    QueueGauges gauges;

    TestClient reviewer() {
        return TestClient.onPort(port).as("reviewer", "reviewer-dev-password");
    }

    TestClient senior() {
        return TestClient.onPort(port).as("senior", "senior-dev-password");
    }

    private ReviewItem awaitItem(String articleId, int reports) {
        return StoredItems.awaitItem(mongo, articleId, reports);
    }

    private String openItem(Category category) {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.report(articleId, category));
        return awaitItem(articleId, 1).id();
    }

    @Test
    void anItemIsCountedWhenOpenedAndTimedAtItsFirstClaimAndItsResolution() {
        Scrape before = Scrape.of(port);
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.report(articleId, Category.SAFETY_CONCERN));
        TopicProbe.publish(Fixtures.report(articleId, Category.OTHER));
        String id = awaitItem(articleId, 2).id();

        reviewer().post("/api/review/items/" + id + "/claim", "");
        reviewer().post("/api/review/items/" + id + "/claim", "");
        reviewer().post("/api/review/items/" + id + "/escalate", Map.of("text", "Needs a pharmacist"));
        senior().post("/api/review/items/" + id + "/claim", "");
        var resolved = senior().post("/api/review/items/" + id + "/resolve",
                Map.of("outcome", "NO_CHANGE_NEEDED", "summary", "The dose is right"));
        assertThat(resolved.status()).isEqualTo(200);

        Scrape after = Scrape.of(port);
        assertThat(delta(before, after, "erratum_review_items_opened_total", "source", "READER_REPORT"))
                .as("the second report joined the item").isEqualTo(1);
        assertThat(delta(before, after, "erratum_review_time_to_claim_seconds_count", "severity", "URGENT"))
                .as("renewing a claim and a later claim are not a first claim").isEqualTo(1);
        assertThat(delta(before, after, "erratum_review_time_to_claim_seconds_bucket", "severity", "URGENT",
                "le", ONE_HOUR)).isEqualTo(1);
        assertThat(delta(before, after, "erratum_review_escalations_total")).isEqualTo(1);
        assertThat(delta(before, after, "erratum_review_time_to_resolve_seconds_count", "severity", "URGENT",
                "outcome", "NO_CHANGE_NEEDED")).isEqualTo(1);
        assertThat(delta(before, after, "erratum_review_time_to_resolve_seconds_bucket", "severity", "URGENT",
                "outcome", "NO_CHANGE_NEEDED", "le", ONE_DAY)).isEqualTo(1);
        assertThat(delta(before, after, "erratum_review_time_to_resolve_seconds_count", "severity", "URGENT",
                "outcome", "REVISED")).isZero();
    }

    @Test
    void refusedChangesRecordNothingAndSpamIsTimedAsResolved() {
        String taken = openItem(Category.INACCURATE);
        String spam = openItem(Category.INACCURATE);
        senior().post("/api/review/items/" + taken + "/claim", "");
        Scrape before = Scrape.of(port);

        assertThat(reviewer().post("/api/review/items/" + taken + "/claim", "").status()).isEqualTo(409);
        assertThat(reviewer().post("/api/review/items/" + taken + "/escalate", Map.of("text", "Not mine")).status())
                .isEqualTo(409);
        reviewer().post("/api/review/items/spam", Map.of("itemIds", List.of(taken, spam), "summary", "Ad"));

        Scrape after = Scrape.of(port);
        assertThat(delta(before, after, "erratum_review_time_to_claim_seconds_count", "severity", "HIGH")).isZero();
        assertThat(delta(before, after, "erratum_review_escalations_total")).isZero();
        assertThat(delta(before, after, "erratum_review_time_to_resolve_seconds_count", "severity", "HIGH",
                "outcome", "SPAM")).as("only the item nobody held was marked").isEqualTo(1);
    }

    @Test
    void aRefreshShowsActiveItemsByStateAndSeverity() {
        gauges.refresh();
        Scrape before = Scrape.of(port);
        String id = openItem(Category.OUT_OF_DATE);

        gauges.refresh();
        Scrape opened = Scrape.of(port);
        reviewer().post("/api/review/items/" + id + "/claim", "");
        gauges.refresh();
        Scrape claimed = Scrape.of(port);

        assertThat(delta(before, opened, "erratum_review_items", "state", "OPEN", "severity", "NORMAL")).isEqualTo(1);
        assertThat(delta(before, claimed, "erratum_review_items", "state", "OPEN", "severity", "NORMAL")).isZero();
        assertThat(delta(before, claimed, "erratum_review_items", "state", "CLAIMED", "severity", "NORMAL"))
                .isEqualTo(1);
        for (ItemState state : ItemState.ACTIVE) {
            for (Severity severity : Severity.values()) {
                assertThat(claimed.has("erratum_review_items", "state", state.name(), "severity", severity.name()))
                        .as("erratum_review_items of %s %s exported", state, severity).isTrue();
            }
        }
    }

    @Test
    void anItemPastItsDeadlinesIsShownAsBreachedAndCountedOnceWhateverTheNumberOfInstances() throws Exception {
        String id = openItem(Category.BROKEN_REFERENCE);
        gauges.refresh();
        Scrape before = Scrape.of(port);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update()
                .set("claimDueAt", Instant.now().minusSeconds(60)).set("resolveDueAt", Instant.now().minusSeconds(60)),
                ReviewItem.class);

        // several instances refreshing at the same moment
        ExecutorService instances = Executors.newFixedThreadPool(INSTANCES);
        try {
            CompletableFuture.allOf(IntStream.range(0, INSTANCES)
                    .mapToObj(i -> CompletableFuture.runAsync(gauges::refresh, instances))
                    .toArray(CompletableFuture[]::new)).get();
        } finally {
            instances.shutdown();
        }
        gauges.refresh();
        Scrape breached = Scrape.of(port);
        reviewer().post("/api/review/items/" + id + "/claim", "");
        gauges.refresh();
        Scrape claimed = Scrape.of(port);

        assertThat(reviewer().get("/api/review/items?breached=true&limit=200").json())
                .extracting(item -> item.get("id").asString()).contains(id);
        for (String target : new String[] {"claim", "resolve"}) {
            assertThat(delta(before, breached, "erratum_review_sla_breached", "severity", "NORMAL", "target", target))
                    .isEqualTo(1);
            assertThat(delta(before, claimed, "erratum_review_sla_breaches_total", "severity", "NORMAL",
                    "target", target)).isEqualTo(1);
        }
        assertThat(delta(before, claimed, "erratum_review_sla_breached", "severity", "NORMAL", "target", "claim"))
                .as("a claimed item no longer waits for a claim").isZero();
        assertThat(delta(before, claimed, "erratum_review_sla_breached", "severity", "NORMAL", "target", "resolve"))
                .isEqualTo(1);
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
