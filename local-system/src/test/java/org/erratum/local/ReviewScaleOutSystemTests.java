package org.erratum.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.erratum.infrastructure.Binding;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.erratum.events.ReportSubmitted;
import org.erratum.testsupport.Endpoints;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TestInfrastructure;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Two instances of the review service on one database and one consumer group, as when it is scaled out: reports
 * are queued once between them, and reviewers claiming through both at once never hold the same item.
 */
class ReviewScaleOutSystemTests {

    private static final int ARTICLES = 6;
    private static final List<String> REVIEWERS = List.of("reviewer", "senior", "admin");
    private static final int ATTEMPTS_PER_REVIEWER_AND_INSTANCE = 4;

    private static final List<ServiceProcess> instances = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() {
        Endpoints endpoints = TestInfrastructure.endpoints();
        String suffix = "-scale-out-" + UUID.randomUUID();
        // one database and one consumer group for both instances, shared with no other system in this JVM
        Map<String, String> shared = Map.of("spring.kafka.bootstrap-servers", endpoints.kafkaBootstrapServers(),
                "spring.mongodb.uri", endpoints.mongoUri("erratum-review" + suffix), "erratum.group-suffix", suffix,
                Endpoints.EMBEDDED_STORE_SETTING, String.valueOf(endpoints.embeddedStore()));
        for (String name : List.of("review-a", "review-b")) {
            instances.add(ServiceProcess.start(name, Path.of("target/services/review-service.jar"), Binding.LOOPBACK,
                    Binding.freePort(), shared, Path.of("target/system-logs/scale-out"), List.of()));
        }
        instances.forEach(instance -> instance.awaitReady(Duration.ofMinutes(4)));
    }

    @AfterAll
    static void stopThem() {
        instances.parallelStream().forEach(ServiceProcess::stop);
    }

    private static TestClient as(ServiceProcess instance, String user) {
        return TestClient.at(instance.baseUrl()).as(user, user + "-dev-password");
    }

    @Test
    void twoInstancesQueueEachReportOnceAndNeverLetTwoReviewersHoldOneItem() throws Exception {
        Set<String> articles = new HashSet<>();
        for (int i = 0; i < ARTICLES; i++) {
            String articleId = UUID.randomUUID().toString();
            articles.add(articleId);
            TopicProbe.publish(new ReportSubmitted(UUID.randomUUID(), Instant.now(), articleId, 1,
                    ReportSubmitted.Category.INACCURATE, "Take 2 g", "That is twice the usual dose", false));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> queuedArticles().containsAll(articles));
        assertThat(queuedArticles()).hasSize(ARTICLES);

        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonNode>> claims = new ArrayList<>();
        for (int attempt = 0; attempt < ATTEMPTS_PER_REVIEWER_AND_INSTANCE; attempt++) {
            for (ServiceProcess instance : instances) {
                for (String reviewer : REVIEWERS) {
                    Callable<JsonNode> claim = () -> {
                        start.await();
                        Response response = as(instance, reviewer)
                                .withHeader("Idempotency-Key", UUID.randomUUID().toString())
                                .post("/api/review/items/claim-next", "");
                        return response.status() == 200 ? response.json() : null;
                    };
                    claims.add(pool.submit(claim));
                }
            }
        }
        start.countDown();
        List<JsonNode> won = new ArrayList<>();
        for (Future<JsonNode> claim : claims) {
            JsonNode item = claim.get();
            if (item != null) {
                won.add(item);
            }
        }
        pool.shutdown();

        assertThat(won).hasSize(ARTICLES);
        assertThat(won).extracting(item -> item.get("id").asString()).doesNotHaveDuplicates();
        for (JsonNode item : ReviewItems.all(as(instances.get(1), "reviewer"), "state=CLAIMED")) {
            assertThat(item.get("activity")).extracting(a -> a.get("action").asString()).containsExactly("claimed");
        }
    }

    private static Set<String> queuedArticles() {
        Set<String> queued = new HashSet<>();
        for (JsonNode item : ReviewItems.all(as(instances.get(0), "reviewer"), "")) {
            queued.add(item.get("articleId").asString());
        }
        return queued;
    }
}
