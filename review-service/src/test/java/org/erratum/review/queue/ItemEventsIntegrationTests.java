package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.events.Topics;
import org.erratum.review.Fixtures;
import org.erratum.review.article.KnownArticle;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestInfrastructure;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every change of a review item reaches {@code review.items} once, in order, as the item's state after it. */
@IntegrationTest
class ItemEventsIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String NOTICE = "The dosing advice on this page is being checked by our clinicians.";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Claims claims;

    @Autowired
    Resolutions resolutions;

    private TestClient reviewer() {
        return TestClient.onPort(port).as("reviewer", "reviewer-dev-password");
    }

    private TestClient senior() {
        return TestClient.onPort(port).as("senior", "senior-dev-password");
    }

    private static ReportSubmitted report(String articleId, Category category, String passage, String comment) {
        return new ReportSubmitted(UUID.randomUUID(), Instant.now(), articleId, 1, category, passage, comment, false);
    }

    @Test
    void everyChangeIsAnnouncedOnceInOrderWithAGrowingVersion() {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.article(articleId, 1, 1));
        TopicProbe.publish(Fixtures.article(articleId, 2, 2));
        await().atMost(WAIT).until(() -> mongo.findById(articleId, KnownArticle.class),
                article -> article != null && article.revision() == 2);
        ReportSubmitted first = report(articleId, Category.SAFETY_CONCERN, "Take two tablets",
                "My leaflet says one tablet");
        ReportSubmitted second = report(articleId, Category.INACCURATE, "every four hours", "Surely every six");
        TopicProbe.publish(first);
        String id = StoredItems.awaitItem(mongo, articleId, 1).id();
        TopicProbe.publish(second);
        StoredItems.awaitItem(mongo, articleId, 2);

        String items = "/api/review/items/" + id;
        assertThat(reviewer().post(items + "/claim", "").status()).isEqualTo(200);
        assertThat(senior().put(items + "/safety-notice", Map.of("text", NOTICE)).status()).isEqualTo(200);
        assertThat(reviewer().withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post(items + "/notes", Map.of("text", "Asked the pharmacist")).status()).isEqualTo(200);
        assertThat(reviewer().post(items + "/release", "").status()).isEqualTo(200);
        assertThat(reviewer().post(items + "/claim", "").status()).isEqualTo(200);
        assertThat(reviewer().post(items + "/resolve", Map.of("outcome", "REVISED", "revision", 2,
                "summary", "Pharmacist confirmed one tablet", "publicReason", "We corrected the dose.")).status())
                .isEqualTo(200);

        List<ConsumerRecord<String, String>> records = recordsOf(id, events -> !events.isEmpty()
                && "RESOLVED".equals(events.get(events.size() - 1).get("state").asString()));
        List<JsonNode> events = records.stream().map(r -> JSON.readTree(r.value())).toList();

        // the note (version 5) is the reviewers' own: the version counts it, no event carries it
        assertThat(events).extracting(e -> e.get("version").asLong()).containsExactly(1L, 2L, 3L, 4L, 6L, 7L, 8L);
        assertThat(events).extracting(e -> e.get("state").asString())
                .containsExactly("OPEN", "OPEN", "CLAIMED", "CLAIMED", "OPEN", "CLAIMED", "RESOLVED");
        assertThat(events).extracting(e -> text(e, "reportEventId"))
                .containsExactly(first.eventId().toString(), second.eventId().toString(), null, null, null, null,
                        null);
        assertThat(events).extracting(e -> text(e, "safetyNotice"))
                .containsExactly(null, null, null, NOTICE, NOTICE, NOTICE, null);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("itemId").asString()).isEqualTo(id);
            assertThat(e.get("articleId").asString()).isEqualTo(articleId);
            assertThat(e.get("severity").asString()).isEqualTo("URGENT");
        });
        assertThat(events.get(1).get("reportCount").asInt()).isEqualTo(2);
        JsonNode passages = events.get(1).get("passages");
        assertThat(passages).extracting(p -> p.get("passage").asString())
                .containsExactly("every four hours", "Take two tablets");
        assertThat(passages.get(1).get("category").asString()).isEqualTo("SAFETY_CONCERN");
        assertThat(passages.get(1).get("revision").asInt()).isEqualTo(1);
        assertThat(events.get(5).get("resolveDueAt").isNull()).isFalse();
        JsonNode resolved = events.get(6);
        assertThat(resolved.get("resolveDueAt").isNull()).isTrue();
        assertThat(resolved.get("resolution").get("outcome").asString()).isEqualTo("REVISED");
        assertThat(resolved.get("resolution").get("revision").asInt()).isEqualTo(2);
        assertThat(resolved.get("resolution").get("publicReason").asString()).isEqualTo("We corrected the dose.");
        assertThat(records).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(articleId);
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("erratum.review.item-changed.v1");
            assertThat(TopicProbe.header(record, "ce_id")).isEqualTo(JSON.readTree(record.value()).get("eventId")
                    .asString());
            // reviewers' notes and summaries and readers' comments stay in the review service
            assertThat(record.value()).doesNotContain("Asked the pharmacist", "Pharmacist confirmed",
                    "My leaflet says", "Surely every six");
        });
        await().atMost(WAIT).until(() -> StoredItems.item(mongo, id).outbox().isEmpty());
        assertThat(reviewer().get(items).json().has("outbox")).isFalse();
    }

    /**
     * A reviewer's change answers once the item is stored, its event handed to the relay. Here each change follows
     * the one before as fast as the service takes them, mostly before the relay marked that one's event published
     * (so the next write hands it over again). Every event still reaches {@code review.items} once, in version order.
     */
    @Test
    void changesInQuickSuccessionReachKafkaOnceInVersionOrder() {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(report(articleId, Category.INACCURATE, "every four hours", "Surely every six"));
        String id = StoredItems.awaitItem(mongo, articleId, 1).id();
        await().atMost(WAIT).until(() -> StoredItems.item(mongo, id).outbox().isEmpty());
        Staff reviewer = new Staff("reviewer", false);
        for (int round = 1; round <= 5; round++) {
            claims.claim(id, reviewer, null);
            claims.release(id, reviewer, null);
        }
        claims.claim(id, reviewer, null);
        resolutions.resolve(id, reviewer, new Resolutions.Resolve(Outcome.NO_CHANGE_NEEDED, null,
                "Every four hours is right", null, null), null);

        List<JsonNode> events = recordsOf(id, found -> !found.isEmpty()
                && "RESOLVED".equals(found.get(found.size() - 1).get("state").asString())).stream()
                .map(r -> JSON.readTree(r.value())).toList();

        assertThat(events).extracting(e -> e.get("version").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 13).boxed().toList());
        assertThat(events).extracting(e -> e.get("state").asString()).containsExactly("OPEN", "CLAIMED", "OPEN",
                "CLAIMED", "OPEN", "CLAIMED", "OPEN", "CLAIMED", "OPEN", "CLAIMED", "OPEN", "CLAIMED", "RESOLVED");
        await().atMost(WAIT).until(() -> StoredItems.item(mongo, id).outbox().isEmpty());
    }

    @Test
    void anEscalationALapsedLeaseAndSpamAreAnnouncedToo() {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(report(articleId, Category.OTHER, null, "asdf"));
        String id = StoredItems.awaitItem(mongo, articleId, 1).id();
        String items = "/api/review/items/" + id;
        assertThat(reviewer().post(items + "/claim", "").status()).isEqualTo(200);
        assertThat(reviewer().post(items + "/escalate", Map.of("text", "Needs a senior eye")).status()).isEqualTo(200);
        assertThat(senior().post(items + "/claim", "").status()).isEqualTo(200);
        // the senior reviewer's claim ran out
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                Update.update("leaseExpiresAt", Instant.now().minusSeconds(60)), ReviewItem.class);
        claims.returnExpiredLeases();
        await().atMost(WAIT).until(() -> StoredItems.item(mongo, id).state() == ItemState.ESCALATED);
        assertThat(senior().post("/api/review/items/spam", Map.of("itemIds", List.of(id), "summary", "Keyboard test"))
                .json().get("marked")).extracting(JsonNode::asString).containsExactly(id);

        List<JsonNode> events = recordsOf(id, found -> found.size() == 6).stream()
                .map(r -> JSON.readTree(r.value())).toList();

        assertThat(events).extracting(e -> e.get("state").asString())
                .containsExactly("OPEN", "CLAIMED", "ESCALATED", "CLAIMED", "ESCALATED", "RESOLVED");
        assertThat(events).extracting(e -> e.get("version").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(events.get(0).get("passages")).isEmpty();
        assertThat(events.get(5).get("resolution").get("outcome").asString()).isEqualTo("SPAM");
        assertThat(events.get(5).get("resolution").get("publicReason").isNull()).isTrue();
    }

    /**
     * A retried request (its key sent again, or, for the actions that need none, the same request again) changes
     * nothing, so it announces nothing either: one event for each change that was applied.
     */
    @Test
    void aRetriedRequestAnnouncesNothingNew() {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(report(articleId, Category.SAFETY_CONCERN, "Take two tablets", "My leaflet says one"));
        String id = StoredItems.awaitItem(mongo, articleId, 1).id();
        String items = "/api/review/items/" + id;
        TestClient claim = reviewer().withHeader("Idempotency-Key", UUID.randomUUID().toString());
        TestClient notice = senior().withHeader("Idempotency-Key", UUID.randomUUID().toString());
        TestClient note = reviewer().withHeader("Idempotency-Key", UUID.randomUUID().toString());
        TestClient resolve = reviewer().withHeader("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> decision = Map.of("outcome", "NO_CHANGE_NEEDED", "summary", "The dose is right");

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThat(claim.post(items + "/claim", "").status()).isEqualTo(200);
        }
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThat(notice.put(items + "/safety-notice", Map.of("text", NOTICE)).status()).isEqualTo(200);
        }
        assertThat(senior().put(items + "/safety-notice", Map.of("text", NOTICE)).status())
                .as("the same notice again, without a key").isEqualTo(200);
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThat(note.post(items + "/notes", Map.of("text", "Asked the pharmacist")).status()).isEqualTo(200);
            assertThat(reviewer().post(items + "/release", "").status()).isEqualTo(200);
        }
        assertThat(reviewer().post(items + "/claim", "").status()).isEqualTo(200);
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThat(resolve.post(items + "/resolve", decision).status()).isEqualTo(200);
            assertThat(reviewer().post(items + "/resolve", decision).status())
                    .as("the same decision again, without a key").isEqualTo(200);
        }
        String spam = Fixtures.newArticleId();
        TopicProbe.publish(report(spam, Category.OTHER, null, "asdf"));
        String spamId = StoredItems.awaitItem(mongo, spam, 1).id();
        Map<String, Object> batch = Map.of("itemIds", List.of(spamId), "summary", "Keyboard test");
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThat(reviewer().post("/api/review/items/spam", batch).json().get("marked"))
                    .extracting(JsonNode::asString).containsExactly(spamId);
        }

        List<JsonNode> events = recordsOf(id, found -> !found.isEmpty()
                && "RESOLVED".equals(found.get(found.size() - 1).get("state").asString())).stream()
                .map(r -> JSON.readTree(r.value())).toList();
        recordsOf(spamId, found -> found.size() == 2);

        // the note (version 4) is counted, not announced
        assertThat(events).extracting(e -> e.get("version").asLong()).containsExactly(1L, 2L, 3L, 5L, 6L, 7L);
        assertThat(events).extracting(e -> e.get("state").asString())
                .containsExactly("OPEN", "CLAIMED", "CLAIMED", "OPEN", "CLAIMED", "RESOLVED");
        assertThat(StoredItems.item(mongo, id).version()).isEqualTo(7);
        assertThat(StoredItems.item(mongo, spamId).version()).isEqualTo(2);
        // everything on the topic up to now, each distinct event once: nothing came after the last change
        String kafka = TestInfrastructure.endpoints().kafkaBootstrapServers();
        assertThat(TopicProbe.eventIds(kafka, Topics.ITEMS, articleId)).hasSize(6);
        assertThat(TopicProbe.eventIds(kafka, Topics.ITEMS, spam)).hasSize(2);
    }

    @Test
    void anEventCarriesTheNewestPassagesOnly() {
        String articleId = Fixtures.newArticleId();
        for (int n = 1; n <= 7; n++) {
            TopicProbe.publish(report(articleId, Category.INACCURATE, "passage " + n, "comment " + n));
            StoredItems.awaitItem(mongo, articleId, n);
        }
        String id = StoredItems.awaitItem(mongo, articleId, 7).id();

        List<JsonNode> events = recordsOf(id, found -> found.size() == 7).stream()
                .map(r -> JSON.readTree(r.value())).toList();

        JsonNode latest = events.get(6);
        assertThat(latest.get("reportCount").asInt()).isEqualTo(7);
        assertThat(latest.get("passages")).extracting(p -> p.get("passage").asString())
                .containsExactly("passage 7", "passage 6", "passage 5", "passage 4", "passage 3");
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** The item's events on {@code review.items}, read until they are complete. */
    private static List<ConsumerRecord<String, String>> recordsOf(String itemId, Predicate<List<JsonNode>> complete) {
        return TopicProbe.awaitRecords(Topics.ITEMS,
                r -> itemId.equals(JSON.readTree(r.value()).get("itemId").asString()),
                found -> complete.test(found.stream().map(r -> JSON.readTree(r.value())).toList()));
    }
}
