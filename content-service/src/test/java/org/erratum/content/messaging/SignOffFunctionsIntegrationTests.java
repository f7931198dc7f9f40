package org.erratum.content.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.erratum.content.ContentApi;
import org.erratum.testsupport.Scrape;
import org.erratum.content.article.Article;
import org.erratum.events.ArticleSignedOff;
import org.erratum.events.CloudEventHeaders;
import org.erratum.events.Reviewer;
import org.erratum.events.Topics;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.erratum.content.ContentApi.newArticle;

@IntegrationTest
class SignOffFunctionsIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Reviewer DR_EXAMPLE = new Reviewer("Dr Ada Example", "MBBS, MRCGP");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    ContentApi api;

    @BeforeEach
    void connect() {
        api = new ContentApi(port);
    }

    @Test
    void whenSignOffArrivesThenLastReviewedReviewerAndNextReviewDueMove() {
        JsonNode created = api.createArticle(newArticle("Hay fever"));
        String id = created.get("id").asString();
        Instant reviewedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        send(signOff(id, DR_EXAMPLE, reviewedAt));

        JsonNode reviewed = awaitLastReviewedAt(id, reviewedAt);
        assertThat(reviewed.get("medicalReviewer").get("name").asString()).isEqualTo("Dr Ada Example");
        assertThat(reviewed.get("medicalReviewer").get("credentials").asString()).isEqualTo("MBBS, MRCGP");
        assertThat(reviewed.get("nextReviewDue").asString())
                .isEqualTo(LocalDate.ofInstant(reviewedAt, ZoneOffset.UTC).plusMonths(24).toString());
        assertThat(reviewed.get("revision")).isEqualTo(created.get("revision"));
        assertThat(reviewed.get("lastModifiedAt")).isEqualTo(created.get("lastModifiedAt"));

        var announced = TopicProbe.awaitRecord(Topics.ARTICLES, r -> id.equals(r.key())
                && "REVIEWED".equals(ContentApi.JSON.readTree(r.value()).get("change").asString()));
        JsonNode event = ContentApi.JSON.readTree(announced.value());
        assertThat(event.get("lastReviewedBy").get("name").asString()).isEqualTo("Dr Ada Example");
        assertThat(Instant.parse(event.get("lastReviewedAt").asString())).isEqualTo(reviewedAt);
        assertThat(event.get("version").asLong()).isEqualTo(2);
        assertThat(TopicProbe.header(announced, CloudEventHeaders.TYPE))
                .isEqualTo("erratum.content.article-changed.v1");
    }

    @Test
    void aSignOffCountsTheNextReviewWithTheIntervalAnEditorSet() {
        String id = api.createArticle(newArticle("Shingles")).get("id").asString();
        ObjectNode revision = ContentApi.revision(1, "Shingles", "Review it twice a year", "MINOR");
        revision.put("reviewIntervalMonths", 6);
        assertThat(api.editor().put("/api/articles/" + id, revision).status()).isEqualTo(200);
        Instant reviewedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        send(signOff(id, DR_EXAMPLE, reviewedAt));

        JsonNode reviewed = awaitLastReviewedAt(id, reviewedAt);
        assertThat(reviewed.get("nextReviewDue").asString())
                .isEqualTo(LocalDate.ofInstant(reviewedAt, ZoneOffset.UTC).plusMonths(6).toString());
    }

    @Test
    void anIntervalChangedAfterASignOffCountsFromThatSignOff() {
        String id = api.createArticle(newArticle("Cold sores")).get("id").asString();
        Instant reviewedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(signOff(id, DR_EXAMPLE, reviewedAt));
        awaitLastReviewedAt(id, reviewedAt);
        ObjectNode revision = ContentApi.revision(1, "Cold sores", "Review it yearly", "MINOR");
        revision.put("reviewIntervalMonths", 12);

        var revised = api.editor().put("/api/articles/" + id, revision);

        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
        JsonNode article = api.getArticle(id);
        assertThat(article.get("nextReviewDue").asString())
                .isEqualTo(LocalDate.ofInstant(reviewedAt, ZoneOffset.UTC).plusMonths(12).toString());
        assertThat(Instant.parse(article.get("lastReviewedAt").asString())).isEqualTo(reviewedAt);
    }

    @Test
    void whenTheSameSignOffArrivesTwiceThenTheSecondChangesNothing() {
        String id = api.createArticle(newArticle("Insect bites")).get("id").asString();
        Instant reviewedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String first = signOff(id, DR_EXAMPLE, reviewedAt);
        double appliedBefore = signOffsApplied();
        send(first);
        awaitLastReviewedAt(id, reviewedAt);
        long versionAfterFirst = versionOf(id);

        send(first);
        send(signOff(id, new Reviewer("Dr Old News", "MD"), reviewedAt.minus(1, ChronoUnit.DAYS)));
        // same key, same partition: once this later sign-off shows, the two before it were consumed
        Instant later = reviewedAt.plus(1, ChronoUnit.HOURS);
        send(signOff(id, new Reviewer("Dr Later", "MD"), later));

        JsonNode current = awaitLastReviewedAt(id, later);
        assertThat(current.get("medicalReviewer").get("name").asString()).isEqualTo("Dr Later");
        assertThat(versionOf(id)).as("only the later sign-off changed the article").isEqualTo(versionAfterFirst + 1);
        // the consumer counts just after the article changed, so the count may trail what the API shows by a moment
        await().atMost(WAIT).untilAsserted(() -> assertThat(signOffsApplied() - appliedBefore)
                .as("the first and the later sign-off").isEqualTo(2));
    }

    @Test
    void whenAPoisonRecordArrivesThenItIsDeadLetteredAndLaterSignOffsStillApply() {
        String id = api.createArticle(newArticle("Sunburn")).get("id").asString();
        double deadLettersBefore = deadLetters();
        String poison = "this is not a sign-off " + UUID.randomUUID();
        TopicProbe.send(Topics.DECISIONS, id, poison, headers(UUID.randomUUID(), id));
        Instant reviewedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        send(signOff(id, DR_EXAMPLE, reviewedAt));

        var deadLetter = TopicProbe.awaitRecord("error.review.decisions.content-service",
                r -> poison.equals(r.value()));
        assertThat(deadLetter.key()).isEqualTo(id);
        awaitLastReviewedAt(id, reviewedAt);
        assertThat(deadLetters() - deadLettersBefore).isEqualTo(1);
    }

    @Test
    void whenSignOffIsForAnUnknownArticleThenItIsSkippedAndLaterSignOffsStillApply() {
        String id = api.createArticle(newArticle("Nosebleeds")).get("id").asString();
        String unknown = "unknown-" + UUID.randomUUID();
        Instant reviewedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // keyed like the known article so both land in one partition, in order
        TopicProbe.send(Topics.DECISIONS, id, ContentApi.JSON.writeValueAsString(new ArticleSignedOff(
                UUID.randomUUID(), reviewedAt, unknown, 1, DR_EXAMPLE, reviewedAt, null)), headers(UUID.randomUUID(),
                unknown));

        send(signOff(id, DR_EXAMPLE, reviewedAt));

        awaitLastReviewedAt(id, reviewedAt);
        assertThat(api.reader().getText("/api/articles/" + unknown).status()).isEqualTo(404);
        assertThat(mongo.findById(unknown, Article.class)).isNull();
    }

    private String signOff(String articleId, Reviewer reviewer, Instant reviewedAt) {
        return ContentApi.JSON.writeValueAsString(new ArticleSignedOff(UUID.randomUUID(), reviewedAt, articleId, 1,
                reviewer, reviewedAt, "item-" + UUID.randomUUID()));
    }

    private void send(String signOffJson) {
        JsonNode signOff = ContentApi.JSON.readTree(signOffJson);
        String articleId = signOff.get("articleId").asString();
        TopicProbe.send(Topics.DECISIONS, articleId, signOffJson,
                headers(UUID.fromString(signOff.get("eventId").asString()), articleId));
    }

    private static java.util.Map<String, String> headers(UUID eventId, String articleId) {
        return java.util.Map.of(
                CloudEventHeaders.ID, eventId.toString(),
                CloudEventHeaders.TYPE, "erratum.review.article-signed-off.v1",
                CloudEventHeaders.SOURCE, "/erratum/review-service",
                CloudEventHeaders.TIME, Instant.now().toString(),
                CloudEventHeaders.SUBJECT, articleId,
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
    }

    private JsonNode awaitLastReviewedAt(String id, Instant reviewedAt) {
        return await().atMost(WAIT).until(() -> api.getArticle(id), article -> !article.get("lastReviewedAt").isNull()
                && Instant.parse(article.get("lastReviewedAt").asString()).equals(reviewedAt));
    }

    private double signOffsApplied() {
        return Scrape.of(port).value("erratum_content_signoffs_applied_total", "application", "content-service");
    }

    private double deadLetters() {
        return Scrape.of(port).value("erratum_messaging_dead_letters_total", "application", "content-service",
                "topic", Topics.DECISIONS);
    }

    private long versionOf(String id) {
        return mongo.findById(id, Article.class).version();
    }
}
