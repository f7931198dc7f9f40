package org.erratum.feedback.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.erratum.events.Topics;
import org.erratum.feedback.TestArticles;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.contact.Contact;
import org.erratum.feedback.report.Report;
import org.erratum.feedback.vote.Vote;
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

/** Screening on the running service: form timestamps, spam kept silently and apart, personal data scrubbed. */
@IntegrationTest
class IntakeIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    FormTokens formTokens;

    private TestClient http;
    private KnownArticle article;

    @BeforeEach
    void publishAnArticle() {
        http = TestClient.onPort(port);
        String articleId = TestArticles.newArticleId();
        article = TestArticles.publishAndAwait(TestArticles.article(articleId, "aspirin-" + articleId, 1, 1), mongo);
    }

    @Test
    void aFormWithoutAFormTokenIsSentBackToTheArticleNamingIt() {
        Map<String, String> form = reportForm("The dose in the second section looks wrong");
        form.remove("formToken");

        assertSentBackWithoutTrace(http.postForm("/feedback/reports", form), "formToken");
    }

    /** The article page asks a reader sent back for {@code formToken} to reload it; the API says so itself. */
    @Test
    void aFormTokenOlderThanAWeekIsRefusedAskingTheReaderToReload() {
        Map<String, String> form = reportForm("The dose in the second section looks wrong");
        String expired = formTokens.issue(article.articleId(), Instant.now().minus(Duration.ofDays(8)));
        form.put("formToken", expired);

        assertSentBackWithoutTrace(http.postForm("/feedback/reports", form), "formToken");
        assertRefusedWithoutTrace(http.post("/api/feedback/reports", """
                {"articleId":"%s","revision":1,"category":"INACCURATE","comment":"The dose looks wrong to me",
                 "formToken":"%s"}""".formatted(article.articleId(), expired)), "formToken",
                "reload the article page");
    }

    @Test
    void aFormTokenForAnotherArticleIsRefusedFromTheApiToo() {
        String borrowed = formTokens.issue("another-article", Instant.now().minusSeconds(30));

        assertRefusedWithoutTrace(http.post("/api/feedback/votes", """
                {"articleId":"%s","revision":1,"helpful":true,"formToken":"%s"}"""
                .formatted(article.articleId(), borrowed)), "formToken", "was not issued for this article");
    }

    @Test
    void aFilledHoneypotGetsTheSameAnswerAsAGenuineFormButIsKeptAsSpamAndNeverPublished() {
        Map<String, String> form = reportForm("The dose in the second section looks wrong");
        form.put("website", "https://cheap-pills.example");
        form.put("contactEmail", "bot@example.org");
        form.put("contactConsent", "true");

        Response response = http.postForm("/feedback/reports", form);

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue(
                "http://localhost:8081/articles/" + article.slug() + "?feedback=thanks#feedback");
        Report spam = onlyReportOnTheArticle();
        assertThat(spam.spam()).isTrue();
        assertThat(spam.spamReasons()).containsExactly("honeypot field filled in");
        assertThat(mongo.findById(spam.id(), Contact.class)).as("nobody writes back to a bot").isNull();
        assertNeverPublished(Topics.REPORTS);
    }

    @Test
    void aReportSentTooSoonAfterThePageWasRenderedIsAcceptedAsSpam() {
        Response response = http.post("/api/feedback/reports", """
                {"articleId":"%s","revision":1,"category":"INACCURATE","comment":"The dose looks wrong to me",
                 "formToken":"%s","website":""}""".formatted(article.articleId(),
                formTokens.issue(article.articleId(), Instant.now())));

        assertThat(response.status()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("status").asString()).isEqualTo("accepted");
        assertThat(onlyReportOnTheArticle().spamReasons()).containsExactly(FormTimestamp.TOO_FAST);
        assertNeverPublished(Topics.REPORTS);
    }

    @Test
    void aScannerProbeIsAcceptedAsSpamAndItsMarkupIsStoredAsText() {
        Response response = http.post("/api/feedback/reports", """
                {"articleId":"%s","revision":1,"category":"OTHER","comment":"<script>alert('x')</script> hello"}"""
                .formatted(article.articleId()));

        assertThat(response.status()).isEqualTo(202);
        Report spam = onlyReportOnTheArticle();
        assertThat(spam.comment()).isEqualTo("<script>alert('x')</script> hello");
        assertThat(spam.spamReasons()).containsExactly("scanner signature <script");
        assertNeverPublished(Topics.REPORTS);
    }

    @Test
    void aSpamVoteNeitherCountsInTheTallyNorReplacesTheReadersVote() {
        Response genuine = http.post("/api/feedback/votes", """
                {"articleId":"%s","revision":1,"helpful":true}""".formatted(article.articleId()));
        String cookie = genuine.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        Response spam = http.withHeader("Cookie", cookie).post("/api/feedback/votes", """
                {"articleId":"%s","revision":1,"helpful":false,"reason":"INACCURATE","website":"x"}"""
                .formatted(article.articleId()));

        assertThat(spam.status()).isEqualTo(202);
        // the tally counts the genuine vote as it comes back from feedback.votes
        JsonNode tally = await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(http.getText(
                "/api/feedback/articles/" + article.articleId() + "/revisions/1/helpfulness").body()),
                counted -> counted.get("yes").asLong() + counted.get("no").asLong() > 0);
        assertThat(tally.get("yes").asLong()).isEqualTo(1);
        assertThat(tally.get("no").asLong()).isZero();
        List<Vote> votes = mongo.find(query(where("articleId").is(article.articleId())), Vote.class);
        assertThat(votes).extracting(Vote::spam).containsExactlyInAnyOrder(false, true);
        String spamEventId = JSON.readTree(spam.body()).get("id").asString();
        assertThat(TopicProbe.records(Topics.VOTES))
                .noneMatch(r -> spamEventId.equals(TopicProbe.header(r, "ce_id")));
    }

    @Test
    void personalDataInTheCommentAndPassageIsScrubbedBeforeStorageAndPublishing() {
        Response response = http.post("/api/feedback/reports", """
                {"articleId":"%s","revision":1,"category":"SAFETY_CONCERN",
                 "passage":"Patient 943 476 5919 was told to take 500 mg",
                 "comment":"My mum (mum.reader@example.org, 07700 900123) took 500 mg every 4 hours as written"}"""
                .formatted(article.articleId()));

        assertThat(response.status()).isEqualTo(202);
        String id = JSON.readTree(response.body()).get("id").asString();
        Report stored = mongo.findById(id, Report.class);
        assertThat(stored.comment()).isEqualTo(
                "My mum ([email removed], [phone removed]) took 500 mg every 4 hours as written");
        assertThat(stored.passage()).isEqualTo("Patient [id number removed] was told to take 500 mg");

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(Topics.REPORTS,
                r -> id.equals(TopicProbe.header(r, "ce_id")));
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.get("comment").asString()).isEqualTo(stored.comment());
        assertThat(event.get("passage").asString()).isEqualTo(stored.passage());
        assertThat(record.value()).doesNotContain("mum.reader").doesNotContain("900123").doesNotContain("5919");
    }

    private Map<String, String> reportForm(String comment) {
        Map<String, String> form = new HashMap<>(Map.of("articleId", article.articleId(), "revision", "1",
                "category", "INACCURATE", "passage", "", "comment", comment, "contactEmail", "", "website", ""));
        form.put("formToken", formTokens.issue(article.articleId(), Instant.now().minusSeconds(30)));
        return form;
    }

    private Report onlyReportOnTheArticle() {
        List<Report> reports = mongo.find(query(where("articleId").is(article.articleId())), Report.class);
        assertThat(reports).hasSize(1);
        return reports.get(0);
    }

    /**
     * Nothing of this test's article is waiting in the outbox, and nothing of it is on the topic (records are keyed
     * by article id).
     */
    private void assertNeverPublished(String topic) {
        Query pending = query(where("articleId").is(article.articleId()).and("published").is(false));
        assertThat(mongo.count(pending, Topics.REPORTS.equals(topic) ? Report.class : Vote.class)).isZero();
        assertThat(TopicProbe.records(topic)).noneMatch(r -> article.articleId().equals(r.key()));
    }

    private void assertSentBackWithoutTrace(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("http://localhost:8081/articles/"
                + article.slug() + "?feedback=invalid&field=" + field + "#feedback");
        assertThat(mongo.count(new Query(where("articleId").is(article.articleId())), Report.class)).isZero();
        assertThat(mongo.count(new Query(where("articleId").is(article.articleId())), Vote.class)).isZero();
    }

    private void assertRefusedWithoutTrace(Response response, String field, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("message").asString()).contains(message);
        assertThat(mongo.count(new Query(where("articleId").is(article.articleId())), Report.class)).isZero();
        assertThat(mongo.count(new Query(where("articleId").is(article.articleId())), Vote.class)).isZero();
    }
}
