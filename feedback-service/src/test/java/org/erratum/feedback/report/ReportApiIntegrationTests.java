package org.erratum.feedback.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.erratum.events.Topics;
import org.erratum.feedback.TestArticles;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.contact.Contact;
import org.erratum.feedback.contact.Contacts;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.platform.web.FormTokens;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class ReportApiIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EMAIL = "reader.contact@example.org";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Contacts contacts;

    @Autowired
    FormTokens formTokens;

    private TestClient http;
    private KnownArticle article;

    @BeforeEach
    void publishAnArticleAtRevisionThree() {
        http = TestClient.onPort(port);
        String articleId = TestArticles.newArticleId();
        article = TestArticles.publishAndAwait(TestArticles.article(articleId, "ibuprofen-" + articleId, 5, 3),
                mongo);
    }

    @Test
    void validReportIsAcceptedAndPublishedWithoutTheContactEmail() {
        Instant before = Instant.now();

        Response response = http.post("/api/feedback/reports", """
                {"articleId":"%s","revision":2,"category":"SAFETY_CONCERN","passage":"take 4 g every hour",
                 "comment":"That dose is far too high","contactEmail":"%s","contactConsent":true}"""
                .formatted(article.articleId(), EMAIL));

        assertThat(response.status()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asString()).isEqualTo("accepted");
        String id = body.get("id").asString();

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(Topics.REPORTS,
                r -> id.equals(TopicProbe.header(r, "ce_id")));
        assertThat(record.key()).isEqualTo(article.articleId());
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("erratum.feedback.report-submitted.v1");
        assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/erratum/feedback-service");
        assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(article.articleId());
        assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.propertyNames()).containsExactlyInAnyOrder("eventId", "occurredAt", "articleId",
                "revision", "category", "passage", "comment", "outcomeRequested");
        assertThat(event.get("revision").asInt()).isEqualTo(2);
        assertThat(event.get("category").asString()).isEqualTo("SAFETY_CONCERN");
        assertThat(event.get("passage").asString()).isEqualTo("take 4 g every hour");
        assertThat(event.get("outcomeRequested").asBoolean()).isTrue();
        assertThat(record.value()).doesNotContain(EMAIL).doesNotContain("example.org");
        record.headers().forEach(header -> assertThat(new String(header.value())).doesNotContain(EMAIL));

        assertThat(mongo.findById(id, Report.class).spam()).isFalse();
        assertThat(mongo.getCollection("reports").find(new org.bson.Document("_id", id)).first().toJson())
                .as("the report document holds no address").doesNotContain(EMAIL);
        Contact contact = mongo.findById(id, Contact.class);
        assertThat(contact.email()).isEqualTo(EMAIL);
        assertThat(contact.expiresAt()).isCloseTo(before.plus(Duration.ofDays(90)), within(Duration.ofMinutes(1)));
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.findById(id, Report.class).published());
    }

    @Test
    void contactsCarryATtlIndexSoMongoDbErasesThemOnItsOwn() {
        IndexInfo expiry = mongo.indexOps(Contact.class).getIndexInfo().stream()
                .filter(index -> index.isIndexForFields(List.of("expiresAt")))
                .findFirst().orElseThrow();

        assertThat(expiry.getExpireAfter()).hasValue(Duration.ZERO);
    }

    @Test
    void reportWithoutContactDoesNotAskForTheOutcome() {
        String id = acceptedReportId("""
                {"articleId":"%s","revision":3,"category":"BROKEN_REFERENCE","comment":"Link 2 is dead"}"""
                .formatted(article.articleId()));

        JsonNode event = JSON.readTree(TopicProbe.awaitRecord(Topics.REPORTS,
                r -> id.equals(TopicProbe.header(r, "ce_id"))).value());
        assertThat(event.get("outcomeRequested").asBoolean()).isFalse();
        assertThat(event.get("passage").isNull()).isTrue();
        assertThat(mongo.findById(id, Contact.class)).isNull();
    }

    @Test
    void contactEmailIsErasedOnceItsRetentionEnds() {
        String id = acceptedReportId("""
                {"articleId":"%s","revision":3,"category":"OTHER","comment":"Please tell me what you decide",
                 "contactEmail":"%s","contactConsent":true}""".formatted(article.articleId(), EMAIL));

        contacts.eraseExpired(Instant.now().plus(Duration.ofDays(89)));
        assertThat(mongo.findById(id, Contact.class).email()).isEqualTo(EMAIL);

        contacts.eraseExpired(Instant.now().plus(Duration.ofDays(91)));
        assertThat(mongo.findById(id, Contact.class)).isNull();
        Report report = mongo.findById(id, Report.class);
        assertThat(report.outcomeRequested()).isTrue();
        assertThat(report.comment()).isEqualTo("Please tell me what you decide");
    }

    @Test
    void whenArticleIsUnknownThenReportIsUnprocessableNamingArticleId() {
        assertRejectedWithoutTrace(422, "articleId", """
                {"articleId":"no-such-article","revision":1,"category":"OTHER","comment":"Wrong"}""");
    }

    @Test
    void whenRevisionIsNewerThanTheArticleThenReportIsUnprocessableNamingRevision() {
        assertRejectedWithoutTrace(422, "revision", """
                {"articleId":"%s","revision":4,"category":"OTHER","comment":"Wrong"}"""
                .formatted(article.articleId()));
    }

    @Test
    void whenContactEmailComesWithoutConsentThenReportIsRejected() {
        assertRejectedWithoutTrace(400, "contactConsent", """
                {"articleId":"%s","revision":3,"category":"OTHER","comment":"Hi","contactEmail":"%s"}"""
                .formatted(article.articleId(), EMAIL));
    }

    @Test
    void formReportRedirectsBackToTheArticlePage() {
        long reportsBefore = mongo.count(new Query(), Report.class);

        Response response = http.postForm("/feedback/reports", Map.of(
                "articleId", article.articleId(), "revision", "3", "category", "OUT_OF_DATE",
                "passage", "", "comment", "The guidance changed last year", "contactEmail", "",
                "formToken", formTokens.issue(article.articleId(), Instant.now().minusSeconds(30)), "website", ""));

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue(
                "http://localhost:8081/articles/" + article.slug() + "?feedback=thanks#feedback");
        assertThat(mongo.count(new Query(), Report.class)).isEqualTo(reportsBefore + 1);
    }

    private String acceptedReportId(String json) {
        Response response = http.post("/api/feedback/reports", json);
        assertThat(response.status()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private void assertRejectedWithoutTrace(int status, String field, String json) {
        long reportsBefore = mongo.count(new Query(), Report.class);
        int recordsBefore = TopicProbe.records(Topics.REPORTS).size();

        Response response = http.post("/api/feedback/reports", json);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(fieldsNamedIn(response)).contains(field);
        assertThat(mongo.count(new Query(), Report.class)).isEqualTo(reportsBefore);
        assertThat(TopicProbe.records(Topics.REPORTS)).hasSize(recordsBefore);
    }

    private static List<String> fieldsNamedIn(Response problem) {
        JsonNode errors = JSON.readTree(problem.body()).get("errors");
        assertThat(errors).as("errors[] of %s", problem.body()).isNotNull();
        return errors.valueStream().map(e -> e.get("field").asString()).toList();
    }
}
