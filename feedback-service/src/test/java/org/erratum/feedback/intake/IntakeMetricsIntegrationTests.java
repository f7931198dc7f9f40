package org.erratum.feedback.intake;

import org.erratum.feedback.TestArticles;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.Scrape;
import org.erratum.testsupport.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake's business series as Prometheus scrapes them. Other tests share the service, so each check compares
 * a scrape before with one after.
 */
@IntegrationTest
class IntakeMetricsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private KnownArticle article;

    @BeforeEach
    void publishAnArticle() {
        String articleId = TestArticles.newArticleId();
        article = TestArticles.publishAndAwait(TestArticles.article(articleId, "metrics-" + articleId, 1, 1), mongo);
    }

    @Test
    void acceptedVotesAreCountedByKindChannelAndAnswer() {
        Scrape before = Scrape.of(port);

        vote("{\"articleId\":\"%s\",\"revision\":1,\"helpful\":false,\"reason\":\"CONFUSING\"}");
        vote("{\"articleId\":\"%s\",\"revision\":1,\"helpful\":true}");
        vote("{\"articleId\":\"%s\",\"revision\":1,\"helpful\":true}");

        Scrape after = Scrape.of(port);
        assertThat(after.increase(before, "erratum_feedback_accepted_total", "kind", "vote", "channel", "json"))
                .isEqualTo(3);
        assertThat(after.increase(before, "erratum_feedback_votes_total", "answer", "helpful")).isEqualTo(2);
        assertThat(after.increase(before, "erratum_feedback_votes_total", "answer", "not_helpful")).isEqualTo(1);
    }

    @Test
    void acceptedReportsAreCounted() {
        Scrape before = Scrape.of(port);

        var response = TestClient.onPort(port).post("/api/feedback/reports", """
                {"articleId":"%s","revision":1,"category":"OUT_OF_DATE","comment":"The dose advice changed in 2025."}"""
                .formatted(article.articleId()));

        assertThat(response.status()).isEqualTo(202);
        assertThat(Scrape.of(port).increase(before, "erratum_feedback_accepted_total", "kind", "report",
                "channel", "json")).isEqualTo(1);
    }

    @Test
    void refusedFeedbackIsCountedByKindAndStatusAndNotAsAccepted() {
        Scrape before = Scrape.of(port);

        var invalid = TestClient.onPort(port).post("/api/feedback/votes", "{\"revision\":1,\"helpful\":true}");
        var unknownRevision = TestClient.onPort(port).post("/api/feedback/votes",
                "{\"articleId\":\"%s\",\"revision\":9,\"helpful\":true}".formatted(article.articleId()));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(unknownRevision.status()).isEqualTo(422);
        Scrape after = Scrape.of(port);
        assertThat(after.increase(before, "erratum_feedback_rejected_total", "kind", "vote", "status", "400"))
                .isEqualTo(1);
        assertThat(after.increase(before, "erratum_feedback_rejected_total", "kind", "vote", "status", "422"))
                .isEqualTo(1);
        assertThat(after.increase(before, "erratum_feedback_accepted_total", "kind", "vote", "channel", "json"))
                .isZero();
    }

    @Test
    void theOutboxBacklogIsExposedForEachKind() {
        Scrape scrape = Scrape.of(port);

        for (String outbox : new String[] {"votes", "reports"}) {
            assertThat(scrape.has("erratum_outbox_depth", "outbox", outbox)).as("depth of %s", outbox).isTrue();
            assertThat(scrape.has("erratum_outbox_oldest_age_seconds", "outbox", outbox)).as("age of %s", outbox)
                    .isTrue();
        }
        assertThat(scrape.samples()).filteredOn(s -> s.name().startsWith("erratum_"))
                .allSatisfy(s -> assertThat(s.labels()).containsEntry("application", "feedback-service"));
    }

    private void vote(String json) {
        // a new client per vote: no reader cookie, so each is a different reader's vote
        var response = TestClient.onPort(port).post("/api/feedback/votes", json.formatted(article.articleId()));
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
    }
}
