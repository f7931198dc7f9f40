package org.erratum.review;

import org.erratum.testsupport.Scrape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;

import org.erratum.events.Topics;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What Prometheus scrapes from the service, as the ops catalog (ops/METRICS.md) promises it. */
@IntegrationTest
class PrometheusIntegrationTests {

    /** Labels that would hold a person or an article: unbounded, and personal data in the case of people. */
    private static final Set<String> UNBOUNDED_LABELS = Set.of("articleId", "article_id", "article", "itemId",
            "item_id", "reader", "reviewer", "user", "username", "claimedBy");

    @LocalServerPort
    int port;

    @Test
    void everySeriesCarriesTheApplication() {
        assertThat(Scrape.of(port).samples()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.labels()).as(s.name()).containsEntry("application", "review-service"));
    }

    @Test
    void noErratumSeriesHasALabelForAPersonOrAnArticle() {
        assertThat(Scrape.of(port).samples()).filteredOn(s -> s.name().startsWith("erratum_")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.labels().keySet()).as(s.name()).doesNotContainAnyElementsOf(
                        UNBOUNDED_LABELS));
    }

    @Test
    void httpMongoAndKafkaConsumerSeriesAreExposed() {
        TestClient.onPort(port).get("/actuator/health");

        Scrape scrape = Scrape.of(port);

        assertThat(scrape.samples()).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("http_server_requests_seconds_bucket");
            assertThat(s.labels()).containsEntry("uri", "/actuator/health").containsKey("le");
        });
        assertThat(scrape.samples()).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("mongodb_driver_commands_seconds_count");
            assertThat(s.labels()).containsKey("command");
        });
        // the binder measures consumer lag in the background, so the gauge can take a moment to appear
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Scrape.of(port).samples())
                .anySatisfy(s -> {
                    assertThat(s.name()).isEqualTo("spring_cloud_stream_binder_kafka_offset");
                    assertThat(s.labels()).containsEntry("topic", Topics.REPORTS).containsKey("group");
                }));
        assertThat(scrape.has("erratum_messaging_dead_letters_total", "topic", Topics.REPORTS))
                .as("dead letters of %s exported", Topics.REPORTS).isTrue();
    }
}
