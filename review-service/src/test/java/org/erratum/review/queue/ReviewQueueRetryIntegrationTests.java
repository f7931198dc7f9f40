package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.erratum.events.ReportSubmitted.Category;
import org.erratum.review.Fixtures;
import org.erratum.review.article.KnownArticle;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Every state-changing call of the queue API sent again answers as it did the first time and changes nothing: by its
 * Idempotency-Key, or, for the actions whose retry the item's state gives away, without one.
 */
@IntegrationTest
class ReviewQueueRetryIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private TestClient reviewer() {
        return TestClient.onPort(port).as("reviewer", "reviewer-dev-password");
    }

    private static TestClient withKey(TestClient client, String key) {
        return client.withHeader("Idempotency-Key", key);
    }

    private String newItem() {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.report(articleId, Category.OTHER));
        return StoredItems.awaitItem(mongo, articleId, 1).id();
    }

    private List<String> actions(String id) {
        return StoredItems.item(mongo, id).activity().stream().map(ReviewItem.Activity::action).toList();
    }

    @Test
    void aNoteSentAgainWithItsKeyIsAddedOnceAndAnsweredAlike() {
        String id = newItem();
        TestClient sameRequest = withKey(reviewer(), UUID.randomUUID().toString());

        var first = sameRequest.post("/api/review/items/" + id + "/notes", Map.of("text", "Asked the author"));
        var retry = sameRequest.post("/api/review/items/" + id + "/notes", Map.of("text", "Asked the author"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(actions(id)).containsExactly("note");
    }

    @Test
    void aKeySentAgainWithAnotherNoteIsRefusedAndANoteWithoutAKeyToo() {
        String id = newItem();
        String key = "\"" + UUID.randomUUID() + "\"";
        withKey(reviewer(), key).post("/api/review/items/" + id + "/notes", Map.of("text", "First thought"));

        var reused = withKey(reviewer(), key).post("/api/review/items/" + id + "/notes", Map.of("text", "Second"));
        var keyless = reviewer().post("/api/review/items/" + id + "/notes", Map.of("text", "Second"));
        var malformed = withKey(reviewer(), "").post("/api/review/items/" + id + "/notes", Map.of("text", "Second"));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        for (var refused : List.of(keyless, malformed)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        }
        assertThat(actions(id)).containsExactly("note");
        assertThat(StoredItems.item(mongo, id).activity().get(0).detail()).isEqualTo("First thought");
    }

    @Test
    void claimingTheNextItemAgainWithItsKeyAnswersTheSameItem() {
        newItem();
        TestClient sameRequest = withKey(reviewer(), UUID.randomUUID().toString());

        var first = sameRequest.post("/api/review/items/claim-next", "");
        var retry = sameRequest.post("/api/review/items/claim-next", "");

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(reviewer().post("/api/review/items/claim-next", "").status()).isEqualTo(400);
    }

    @Test
    void twoAttemptsAtOnceToClaimTheNextItemWithOneKeyClaimOneItem() {
        newItem();
        newItem();
        long claimsBefore = StoredItems.claimsBy(mongo, "reviewer");
        TestClient sameRequest = withKey(reviewer(), UUID.randomUUID().toString());
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<JsonNode>> attempts = List.of(1, 2).stream()
                .map(attempt -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return sameRequest.post("/api/review/items/claim-next", "").json();
                })).toList();
        start.countDown();

        List<JsonNode> answers = attempts.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(item -> item.get("id").asString()).hasSize(2).containsOnly(
                answers.get(0).get("id").asString());
        assertThat(StoredItems.claimsBy(mongo, "reviewer")).isEqualTo(claimsBefore + 1);
    }

    @Test
    void aClaimSentAgainWithItsKeyDoesNotRenewTheLease() {
        String id = newItem();
        TestClient sameRequest = withKey(reviewer(), UUID.randomUUID().toString());

        var first = sameRequest.post("/api/review/items/" + id + "/claim", "");
        var retry = sameRequest.post("/api/review/items/" + id + "/claim", "");
        var renewal = withKey(reviewer(), UUID.randomUUID().toString()).post("/api/review/items/" + id + "/claim", "");

        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(renewal.status()).isEqualTo(200);
        assertThat(actions(id)).containsExactly("claimed", "claimed");
    }

    @Test
    void releaseEscalateAndResolveSentAgainWithoutAKeyAnswerAsTheFirstTime() {
        String id = newItem();
        TestClient senior = TestClient.onPort(port).as("senior", "senior-dev-password");
        reviewer().post("/api/review/items/" + id + "/claim", "");

        var released = reviewer().post("/api/review/items/" + id + "/release", "");
        assertThat(reviewer().post("/api/review/items/" + id + "/release", "").json()).isEqualTo(released.json());
        reviewer().post("/api/review/items/" + id + "/claim", "");
        Map<String, String> reason = Map.of("text", "Needs a pharmacist");
        var escalated = reviewer().post("/api/review/items/" + id + "/escalate", reason);
        assertThat(reviewer().post("/api/review/items/" + id + "/escalate", reason).json())
                .isEqualTo(escalated.json());
        senior.post("/api/review/items/" + id + "/claim", "");
        Map<String, Object> decision = Map.of("outcome", "NO_CHANGE_NEEDED", "summary", "The dose is right");
        var resolved = senior.post("/api/review/items/" + id + "/resolve", decision);
        var again = senior.post("/api/review/items/" + id + "/resolve", decision);

        assertThat(resolved.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(resolved.json());
        assertThat(actions(id)).containsExactly("claimed", "released", "claimed", "escalated", "claimed", "resolved");
        assertThat(senior.post("/api/review/items/" + id + "/resolve",
                Map.of("outcome", "NO_CHANGE_NEEDED", "summary", "Another decision")).status())
                .as("another decision on a resolved item is no retry").isEqualTo(409);
    }

    @Test
    void aResolutionSentAgainWithItsKeyButAnotherRevisionIsRefused() {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.article(articleId, 2, 2));
        TopicProbe.publish(Fixtures.report(articleId, Category.OTHER));
        String id = StoredItems.awaitItem(mongo, articleId, 1).id();
        TestClient sameRequest = withKey(reviewer(), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.findById(articleId, KnownArticle.class) != null);
        reviewer().post("/api/review/items/" + id + "/claim", "");
        var resolved = sameRequest.post("/api/review/items/" + id + "/resolve",
                Map.of("outcome", "REVISED", "revision", 2, "summary", "Fixed"));

        var other = sameRequest.post("/api/review/items/" + id + "/resolve",
                Map.of("outcome", "REVISED", "revision", 1, "summary", "Fixed"));

        assertThat(resolved.status()).isEqualTo(200);
        assertThat(other.status()).isEqualTo(422);
        assertThat(StoredItems.item(mongo, id).resolution().revision()).isEqualTo(2);
    }

    @Test
    void aSpamBatchSentAgainAnswersTheSameItemsAsMarked() {
        String a = newItem();
        String b = newItem();
        Map<String, Object> batch = Map.of("itemIds", List.of(a, b), "summary", "The same advert twice");

        var first = reviewer().post("/api/review/items/spam", batch);
        var retry = reviewer().post("/api/review/items/spam", batch);

        assertThat(first.json().get("marked")).extracting(JsonNode::asString).containsExactly(a, b);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(actions(a)).containsExactly("resolved");
        assertThat(actions(b)).containsExactly("resolved");
    }
}
