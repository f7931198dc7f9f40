package org.erratum.feedback.vote;

import java.net.HttpCookie;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.erratum.events.Topics;
import org.erratum.feedback.TestArticles;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.platform.web.FormTokens;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

@IntegrationTest
class VoteApiIntegrationTests {

    /** The tallies count a vote as it comes back from feedback.votes. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    FormTokens formTokens;

    @Autowired
    MeterRegistry meters;

    private TestClient http;
    private KnownArticle article;

    @BeforeEach
    void publishAnArticleAtRevisionTwo() {
        http = TestClient.onPort(port);
        String articleId = TestArticles.newArticleId();
        article = TestArticles.publishAndAwait(TestArticles.article(articleId, "paracetamol-" + articleId, 2, 2),
                mongo);
    }

    @Test
    void validVoteIsAcceptedSetsReaderCookieAndIsPublishedAsVoteCast() {
        Response response = http.post("/api/feedback/votes", """
                {"articleId":"%s","revision":2,"helpful":false,"reason":"CONFUSING"}""".formatted(article.articleId()));

        assertThat(response.status()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asString()).isEqualTo("accepted");
        String id = body.get("id").asString();

        HttpCookie cookie = readerCookie(response);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(setCookieHeader(response)).contains("SameSite=Lax").doesNotContain("Secure");

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(Topics.VOTES,
                r -> id.equals(TopicProbe.header(r, "ce_id")));
        assertThat(record.key()).isEqualTo(article.articleId());
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("erratum.feedback.vote-cast.v1");
        assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/erratum/feedback-service");
        assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(article.articleId());
        assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicProbe.header(record, "ce_time")).isNotBlank();

        JsonNode vote = JSON.readTree(record.value());
        assertThat(vote.get("eventId").asString()).isEqualTo(id);
        assertThat(vote.get("articleId").asString()).isEqualTo(article.articleId());
        assertThat(vote.get("revision").asInt()).isEqualTo(2);
        assertThat(vote.get("helpful").asBoolean()).isFalse();
        assertThat(vote.get("reason").asString()).isEqualTo("CONFUSING");
        assertThat(vote.get("readerKey").asString()).isNotBlank().isNotEqualTo(cookie.getValue());
        assertThat(record.value()).doesNotContain(cookie.getValue());

        // marked once Kafka acknowledged, which may be a moment after the record became readable
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findOne(query(where("eventId").is(id)), Vote.class).published());
    }

    @Test
    void secondVoteWithTheSameCookieReplacesTheFirst() {
        Response first = vote(true, null);
        String cookie = "erratum_reader=" + readerCookie(first).getValue();

        Response second = http.withHeader("Cookie", cookie).post("/api/feedback/votes", """
                {"articleId":"%s","revision":2,"helpful":false,"reason":"OUT_OF_DATE"}"""
                .formatted(article.articleId()));

        assertThat(second.status()).isEqualTo(202);
        assertThat(second.headers().allValues("Set-Cookie")).as("the reader keeps their id").isEmpty();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode tally = helpfulness(2);
            assertThat(tally.get("yes").asLong()).isZero();
            assertThat(tally.get("no").asLong()).isEqualTo(1);
            assertThat(tally.get("reasons").get("OUT_OF_DATE").asLong()).isEqualTo(1);
            assertThat(tally.get("reasons").get("CONFUSING").asLong()).isZero();
        });
        assertThat(mongo.count(query(where("articleId").is(article.articleId())), Vote.class)).isEqualTo(1);
    }

    @Test
    void votesOfDifferentReadersAreTalliedWithASmoothedScore() {
        vote(true, null);
        vote(true, null);
        vote(false, "INACCURATE");

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode tally = helpfulness(2);

            assertThat(tally.get("articleId").asString()).isEqualTo(article.articleId());
            assertThat(tally.get("revision").asInt()).isEqualTo(2);
            assertThat(tally.get("yes").asLong()).isEqualTo(2);
            assertThat(tally.get("no").asLong()).isEqualTo(1);
            assertThat(tally.get("ratio").asDouble()).isEqualTo(2.0 / 3);
            assertThat(tally.get("reasons").get("INACCURATE").asLong()).isEqualTo(1);
            assertThat(tally.get("score").asDouble()).isEqualTo((2 + 10 * 0.75) / (3 + 10));
        });
    }

    @Test
    void revisionWithoutVotesHasThePriorScoreAndNoRatio() {
        JsonNode tally = helpfulness(1);

        assertThat(tally.get("yes").asLong()).isZero();
        assertThat(tally.get("ratio").isNull()).isTrue();
        assertThat(tally.get("score").asDouble()).isEqualTo(0.75);
        assertThat(tally.get("reasons").propertyNames()).containsExactlyInAnyOrder("INACCURATE", "OUT_OF_DATE",
                "CONFUSING", "MISSING_INFORMATION", "OTHER");
    }

    @Test
    void helpfulnessOfARevisionThatDoesNotExistIsNotFound() {
        assertThat(http.getText(helpfulnessPath(article.articleId(), 3)).status()).isEqualTo(404);
        assertThat(http.getText(helpfulnessPath("no-such-article", 1)).status()).isEqualTo(404);
    }

    @Test
    void whenArticleIsUnknownThenVoteIsUnprocessableNamingArticleId() {
        assertRejectedWithoutTrace(422, "articleId", """
                {"articleId":"no-such-article","revision":1,"helpful":true}""");
    }

    @Test
    void whenRevisionIsNewerThanTheArticleThenVoteIsUnprocessableNamingRevision() {
        assertRejectedWithoutTrace(422, "revision", """
                {"articleId":"%s","revision":3,"helpful":true}""".formatted(article.articleId()));
    }

    @Test
    void whenAHelpfulVoteGivesAReasonThenItIsRejectedNamingReason() {
        assertRejectedWithoutTrace(400, "reason", """
                {"articleId":"%s","revision":2,"helpful":true,"reason":"CONFUSING"}"""
                .formatted(article.articleId()));
    }

    @Test
    void formVoteRedirectsBackToTheArticlePage() {
        Response response = http.postForm("/feedback/votes", Map.of(
                "articleId", article.articleId(), "revision", "2", "helpful", "false", "reason", "",
                "formToken", formTokens.issue(article.articleId(), Instant.now().minusSeconds(30)), "website", ""));

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue(
                "http://localhost:8081/articles/" + article.slug() + "?feedback=thanks#feedback");
        assertThat(readerCookie(response).getValue()).isNotBlank();
        await().atMost(WAIT).until(() -> helpfulness(2).get("no").asLong() == 1);
    }

    @Test
    void invalidFormVoteIsSentBackToTheArticleNamingTheFieldAndCountedAsRejected() {
        long votesBefore = mongo.count(new Query(), Vote.class);
        double rejectedBefore = rejectedFormVotes();

        Response response = http.postForm("/feedback/votes", Map.of(
                "articleId", article.articleId(), "revision", "2",
                "formToken", formTokens.issue(article.articleId(), Instant.now().minusSeconds(30))));

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("http://localhost:8081/articles/"
                + article.slug() + "?feedback=invalid&field=helpful#feedback");
        assertThat(mongo.count(new Query(), Vote.class)).isEqualTo(votesBefore);
        assertThat(rejectedFormVotes()).isEqualTo(rejectedBefore + 1);
    }

    /** With no article page to go back to, a reader would be lost either way: the problem says what is wrong. */
    @Test
    void aFormVoteOnAnUnknownArticleIsAnsweredWithItsProblem() {
        Response response = http.postForm("/feedback/votes", Map.of(
                "articleId", "no-such-article", "revision", "1", "helpful", "true",
                "formToken", formTokens.issue("no-such-article", Instant.now().minusSeconds(30))));

        assertThat(response.status()).isEqualTo(422);
        assertThat(fieldsNamedIn(response)).containsExactly("articleId");
    }

    private double rejectedFormVotes() {
        Counter rejected = meters.find("erratum.feedback.rejected").tags("kind", "vote", "status", "400").counter();
        return rejected == null ? 0 : rejected.count();
    }

    private Response vote(boolean helpful, String reason) {
        Response response = http.post("/api/feedback/votes", """
                {"articleId":"%s","revision":2,"helpful":%s,"reason":%s}""".formatted(article.articleId(), helpful,
                reason == null ? "null" : "\"" + reason + "\""));
        assertThat(response.status()).isEqualTo(202);
        return response;
    }

    private JsonNode helpfulness(int revision) {
        Response response = http.getText(helpfulnessPath(article.articleId(), revision));
        assertThat(response.status()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String helpfulnessPath(String articleId, int revision) {
        return "/api/feedback/articles/" + articleId + "/revisions/" + revision + "/helpfulness";
    }

    private void assertRejectedWithoutTrace(int status, String field, String json) {
        long votesBefore = mongo.count(new Query(), Vote.class);
        int recordsBefore = TopicProbe.records(Topics.VOTES).size();

        Response response = http.post("/api/feedback/votes", json);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(fieldsNamedIn(response)).contains(field);
        assertThat(mongo.count(new Query(), Vote.class)).isEqualTo(votesBefore);
        assertThat(TopicProbe.records(Topics.VOTES)).hasSize(recordsBefore);
    }

    private static List<String> fieldsNamedIn(Response problem) {
        JsonNode errors = JSON.readTree(problem.body()).get("errors");
        assertThat(errors).as("errors[] of %s", problem.body()).isNotNull();
        return errors.valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static String setCookieHeader(Response response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("erratum_reader=")).findFirst().orElseThrow();
    }

    private static HttpCookie readerCookie(Response response) {
        return HttpCookie.parse(setCookieHeader(response)).get(0);
    }
}
