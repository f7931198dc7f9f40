package org.erratum.review.signoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.erratum.events.Topics;
import org.erratum.review.Fixtures;
import org.erratum.testsupport.Scrape;
import org.erratum.review.article.KnownArticle;
import org.erratum.testsupport.IntegrationTest;
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

@IntegrationTest
class SignOffIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    /** A senior reviewer sending one request: every call with this client carries the same key. */
    private TestClient seniorWithKey() {
        return TestClient.onPort(port).as("senior", "senior-dev-password")
                .withHeader("Idempotency-Key", UUID.randomUUID().toString());
    }

    private long signOffsOf(String articleId) {
        return mongo.count(Query.query(Criteria.where("articleId").is(articleId)), SignOff.class);
    }

    private String knownArticle() {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.article(articleId, 1, 1));
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.findById(articleId, KnownArticle.class) != null);
        return articleId;
    }

    @Test
    void aSeniorSignOffIsPublishedAsADecisionWithCloudEventsHeaders() {
        String articleId = knownArticle();
        double signOffsBefore = signOffs();

        var response = seniorWithKey().post("/api/review/articles/" + articleId + "/sign-off", wholeArticle(1));

        assertThat(response.status()).isEqualTo(202);
        assertThat(signOffs() - signOffsBefore).isEqualTo(1);
        var record = TopicProbe.awaitRecord(Topics.DECISIONS, r -> articleId.equals(r.key()));
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("erratum.review.article-signed-off.v1");
        assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/erratum/review-service");
        assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(articleId);
        assertThat(TopicProbe.header(record, "ce_id")).isEqualTo(response.json().get("id").asString());
        JsonNode body = JsonMapper.builder().build().readTree(record.value());
        assertThat(body.get("reviewer").get("name").asString()).isEqualTo("Dr Tomas Lindqvist");
        assertThat(body.get("reviewer").get("credentials").asString()).isEqualTo("MD, FRCP");
        assertThat(body.get("revision").asInt()).isEqualTo(1);
        assertThat(response.json().get("published").asBoolean()).isTrue();
        assertThat(mongo.findById(response.json().get("id").asString(), SignOff.class).published()).isTrue();
    }

    @Test
    void onlyASeniorReviewerMaySignOffAKnownRevision() {
        String articleId = knownArticle();
        TestClient senior = seniorWithKey();
        double signOffsBefore = signOffs();

        assertThat(TestClient.onPort(port).as("reviewer", "reviewer-dev-password")
                .post("/api/review/articles/" + articleId + "/sign-off", wholeArticle(1)).status())
                .isEqualTo(403);
        assertThat(TestClient.onPort(port)
                .post("/api/review/articles/" + articleId + "/sign-off", wholeArticle(1)).status())
                .isEqualTo(401);
        var unknownRevision = senior.post("/api/review/articles/" + articleId + "/sign-off", wholeArticle(2));
        assertThat(unknownRevision.status()).isEqualTo(422);
        assertThat(unknownRevision.json().get("errors").get(0).get("field").asString()).isEqualTo("revision");
        assertThat(senior.post("/api/review/articles/unknown/sign-off", wholeArticle(1)).status())
                .isEqualTo(404);
        var missing = senior.post("/api/review/articles/" + articleId + "/sign-off",
                Map.of("reviewedWholeArticle", true));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("revision");
        var withoutKey = TestClient.onPort(port).as("senior", "senior-dev-password")
                .post("/api/review/articles/" + articleId + "/sign-off", wholeArticle(1));
        assertThat(withoutKey.status()).isEqualTo(400);
        assertThat(withoutKey.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(signOffsOf(articleId)).isZero();
        assertThat(signOffs()).as("refused sign-offs are not counted").isEqualTo(signOffsBefore);
    }

    @Test
    void aRetriedSignOffAnswersTheSameSignOffAndStoresNoSecond() {
        String articleId = knownArticle();
        TestClient senior = seniorWithKey();
        double signOffsBefore = signOffs();

        var first = senior.post("/api/review/articles/" + articleId + "/sign-off", wholeArticle(1));
        var retry = senior.post("/api/review/articles/" + articleId + "/sign-off", wholeArticle(1));

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(signOffsOf(articleId)).isEqualTo(1);
        assertThat(signOffs() - signOffsBefore).isEqualTo(1);
    }

    @Test
    void aKeySentAgainWithADifferentSignOffIsRefusedWith422() {
        String articleId = knownArticle();
        TestClient senior = seniorWithKey();
        var first = senior.post("/api/review/articles/" + articleId + "/sign-off", wholeArticle(1));

        var other = senior.post("/api/review/articles/" + articleId + "/sign-off",
                Map.of("revision", 1, "itemId", "another-item", "reviewedWholeArticle", true));

        assertThat(first.status()).isEqualTo(202);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        assertThat(other.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(signOffsOf(articleId)).isEqualTo(1);
    }

    private static Map<String, Object> wholeArticle(int revision) {
        return Map.of("revision", revision, "reviewedWholeArticle", true);
    }

    private double signOffs() {
        return Scrape.of(port).value("erratum_review_signoffs_total", "application", "review-service");
    }

    @Test
    void anOlderArticleStateArrivingLateDoesNotOverwriteANewerOne() {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.article(articleId, 2, 5));
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.findById(articleId, KnownArticle.class) != null);
        TopicProbe.publish(Fixtures.article(articleId, 1, 1));
        TopicProbe.publish(Fixtures.article(articleId, 3, 6));

        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.findById(articleId, KnownArticle.class).version() == 6);
        assertThat(mongo.findById(articleId, KnownArticle.class).revision()).isEqualTo(3);
    }
}
