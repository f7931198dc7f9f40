package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.events.ReviewItemChanged;
import org.erratum.events.Topics;
import org.erratum.review.Fixtures;
import org.erratum.review.ReviewApplication;
import org.erratum.infrastructure.KafkaBrokerProcess;
import org.erratum.platform.web.IdempotencyKey;
import org.erratum.testsupport.Endpoints;
import org.erratum.testsupport.TestInfrastructure;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka goes away while reviewers work an item, and the service stops before the broker is back. Every change is
 * kept with its event, and once a new instance runs and the broker answers, every event reaches {@code review.items}:
 * at least once, so a consumer keeping the highest version per item sees each state once, in order.
 * <p>
 * The review service runs here in contexts of its own on a broker in its own process, which can be killed, rather
 * than on the shared embedded one.
 */
class ItemEventsOutageIntegrationTests {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String NOTICE = "The dosing advice on this page is being checked by our clinicians.";

    private static KafkaBrokerProcess kafka;

    @BeforeAll
    static void startABrokerThatCanFail() {
        kafka = KafkaBrokerProcess.startFresh(Path.of("target/item-events-kafka"));
    }

    @AfterAll
    static void stopTheBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void changesMadeWhileKafkaIsDownAreAnnouncedAfterARestart() {
        String database = "review-outage-" + UUID.randomUUID();
        String articleId = Fixtures.newArticleId();
        String itemId;
        try (ConfigurableApplicationContext first = reviewService(database)) {
            MongoTemplate mongo = first.getBean(MongoTemplate.class);
            TopicProbe.publish(kafka.bootstrapServers(), new ReportSubmitted(UUID.randomUUID(), Instant.now(),
                    articleId, 1, Category.SAFETY_CONCERN, "Take two tablets", "My leaflet says one", false));
            itemId = await().atMost(WAIT).until(() -> mongo.findOne(
                    Query.query(Criteria.where("articleId").is(articleId)), ReviewItem.class), item -> item != null)
                    .id();
            String opened = itemId;
            await().atMost(WAIT).until(() -> StoredItems.item(mongo, opened).outbox().isEmpty());

            kafka.stop();
            Staff reviewer = new Staff("reviewer", false);
            first.getBean(Claims.class).claim(itemId, reviewer, null);
            first.getBean(ItemNotes.class).setSafetyNotice(itemId, new Staff("senior", true), NOTICE, null);
            first.getBean(Resolutions.class).resolve(itemId, reviewer, new Resolutions.Resolve(Outcome.NO_CHANGE_NEEDED, null,
                    "Leaflet and page agree", "The page gives the right dose for adults.", null), null);

            assertThat(StoredItems.item(mongo, itemId).outbox())
                    .as("every change since the broker went is kept with its event")
                    .extracting(ReviewItemChanged::version).containsExactly(2L, 3L, 4L);
        }

        kafka.start();
        try (ConfigurableApplicationContext second = reviewService(database)) {
            String item = itemId;
            Map<Long, JsonNode> byVersion = new LinkedHashMap<>();
            TopicProbe.awaitRecords(kafka.bootstrapServers(), Topics.ITEMS,
                    r -> item.equals(JSON.readTree(r.value()).get("itemId").asString()), found -> {
                        // a consumer's dedupe: the first record of each version counts, a repeat changes nothing
                        found.forEach(r -> byVersion.putIfAbsent(JSON.readTree(r.value()).get("version").asLong(),
                                JSON.readTree(r.value())));
                        return byVersion.containsKey(4L);
                    });

            assertThat(byVersion.keySet()).containsExactly(1L, 2L, 3L, 4L);
            assertThat(byVersion.values()).extracting(e -> e.get("state").asString())
                    .containsExactly("OPEN", "CLAIMED", "CLAIMED", "RESOLVED");
            assertThat(byVersion.get(3L).get("safetyNotice").asString()).isEqualTo(NOTICE);
            assertThat(byVersion.get(4L).get("safetyNotice").isNull()).isTrue();
            assertThat(byVersion.get(4L).get("resolution").get("publicReason").asString())
                    .isEqualTo("The page gives the right dose for adults.");
            MongoTemplate mongo = second.getBean(MongoTemplate.class);
            await().atMost(WAIT).until(() -> StoredItems.item(mongo, item).outbox().isEmpty());
        }
    }

    /**
     * A claim whose events the relay's hand-over has no room for (none at all here) answers all the same, and its
     * event waits in the item for the relay's next sweep, which publishes it.
     */
    @Test
    void aClaimWhoseHandOverOverflowsIsPublishedByTheSweep() {
        String articleId = Fixtures.newArticleId();
        try (ConfigurableApplicationContext review = reviewService("review-overflow-" + UUID.randomUUID(),
                Map.of("erratum.outbox.review-items.hand-over-capacity", "0"))) {
            MongoTemplate mongo = review.getBean(MongoTemplate.class);
            TopicProbe.publish(kafka.bootstrapServers(), new ReportSubmitted(UUID.randomUUID(), Instant.now(),
                    articleId, 1, Category.INACCURATE, "every four hours", "Surely every six", false));
            String itemId = await().atMost(WAIT).until(() -> mongo.findOne(
                    Query.query(Criteria.where("articleId").is(articleId)), ReviewItem.class), item -> item != null)
                    .id();

            ReviewItem claimed = review.getBean(Claims.class)
                    .claimNext(new Staff("reviewer", false), IdempotencyKey.random()).orElseThrow();

            assertThat(claimed.id()).isEqualTo(itemId);
            List<JsonNode> events = TopicProbe.awaitRecords(kafka.bootstrapServers(), Topics.ITEMS,
                    r -> itemId.equals(JSON.readTree(r.value()).get("itemId").asString()),
                    found -> found.size() == 2).stream().map(r -> JSON.readTree(r.value())).toList();
            assertThat(events).extracting(e -> e.get("state").asString()).containsExactly("OPEN", "CLAIMED");
            await().atMost(WAIT).until(() -> StoredItems.item(mongo, itemId).outbox().isEmpty());
        }
    }

    private static ConfigurableApplicationContext reviewService(String database) {
        return reviewService(database, Map.of());
    }

    /**
     * The review service on the killable broker and a database of its own, its relay quick to retry. The binder runs
     * in a context of its own whose system properties come before everything the application was given, and the
     * shared embedded broker sets {@code spring.kafka.bootstrap-servers} as a system property: so the binder is told
     * its brokers by name, which no system property sets.
     */
    private static ConfigurableApplicationContext reviewService(String database, Map<String, String> more) {
        Map<String, Object> settings = new HashMap<>(more);
        settings.putAll(Map.of("server.port", "0",
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "spring.cloud.stream.kafka.binder.brokers", kafka.bootstrapServers(),
                "spring.mongodb.uri", TestInfrastructure.endpoints().mongoUri(database),
                Endpoints.EMBEDDED_STORE_SETTING, TestInfrastructure.endpoints().embeddedStore(),
                "erratum.outbox.review-items.sweep-interval", "1s",
                "erratum.outbox.review-items.grace", "1s"));
        return new SpringApplicationBuilder(ReviewApplication.class)
                .initializers(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("item-events-outage", settings)))
                .run();
    }
}
