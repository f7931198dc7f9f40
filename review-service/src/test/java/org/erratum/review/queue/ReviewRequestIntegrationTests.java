package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.erratum.events.ArticleChanged.Owner;
import org.erratum.events.ArticleChanged.ReviewRequest;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.review.Fixtures;
import org.erratum.review.QueuePages;
import org.erratum.review.article.KnownArticle;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * An editor's "guidance changed" reaches the queue as a review request on {@code content.articles}: a REVIEW_DUE
 * item that says why, once per request however often the state arrives, and the console shows the reason.
 */
@IntegrationTest
class ReviewRequestIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Owner OWNER = new Owner("Dr Ama Mensah", "ama.mensah@example.org");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aReviewRequestOpensAReviewDueItemThatSaysWhyAndRedeliveryOpensNoSecond() {
        String articleId = Fixtures.newArticleId();
        ReviewRequest request = new ReviewRequest("New NICE guidance on paracetamol", Instant.now(), "editor");
        var asked = Fixtures.owned(articleId, 1, "Paracetamol for adults", LocalDate.now(), OWNER, request);

        TopicProbe.publish(asked);
        ReviewItem item = await().atMost(WAIT).until(() -> itemOf(articleId), found -> found != null);

        assertThat(item.sources()).containsExactly(Source.REVIEW_DUE);
        assertThat(item.severity()).isEqualTo(Severity.LOW);
        assertThat(item.reviewRequests()).singleElement().satisfies(requested -> {
            assertThat(requested.reason()).isEqualTo("New NICE guidance on paracetamol");
            assertThat(requested.by()).isEqualTo("editor");
            assertThat(requested.at()).isEqualTo(request.at().truncatedTo(ChronoUnit.MILLIS));
        });

        // the same state again, a later state with the same standing request, and a restart that lost the mark
        TopicProbe.publish(asked);
        TopicProbe.publish(Fixtures.owned(articleId, 2, "Paracetamol for adults", LocalDate.now(), OWNER, request));
        awaitVersion(articleId, 2);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(articleId)),
                new Update().unset("reviewRequestHandledAt"), KnownArticle.class);
        TopicProbe.publish(Fixtures.owned(articleId, 3, "Paracetamol for adults", LocalDate.now(), OWNER, request));
        awaitVersion(articleId, 3);
        await().atMost(WAIT).until(() -> mongo.findById(articleId, KnownArticle.class).reviewRequestHandledAt() != null);

        assertThat(mongo.count(Query.query(Criteria.where("articleId").is(articleId)), ReviewItem.class)).isEqualTo(1);
        assertThat(itemOf(articleId).reviewRequests()).hasSize(1);
        assertThat(itemOf(articleId).version()).isEqualTo(item.version());

        // a newer request while the item is open adds its reason to it
        ReviewRequest again = new ReviewRequest("Safety alert on liver damage", Instant.now().plusSeconds(1), "editor");
        TopicProbe.publish(Fixtures.owned(articleId, 4, "Paracetamol for adults", LocalDate.now(), OWNER, again));
        ReviewItem joined = await().atMost(WAIT).until(() -> itemOf(articleId), i -> i.reviewRequests().size() == 2);
        assertThat(joined.id()).isEqualTo(item.id());
        assertThat(joined.latestReviewRequest().reason()).isEqualTo("Safety alert on liver damage");

        TestClient reviewer = TestClient.onPort(port).signedIn("reviewer", "reviewer-dev-password");
        assertThat(QueuePages.all(reviewer, "/console?source=REVIEW_DUE")).contains("Review due")
                .contains(": Safety alert on liver damage");
        String page = reviewer.getText("/console/items/" + item.id()).body();
        assertThat(page).contains("Review asked for").contains("New NICE guidance on paracetamol")
                .contains("Safety alert on liver damage");
    }

    @Test
    void theItemPageCountsTheReadersWhoWillBeToldButShowsNoAddress() {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.article(articleId, 1, 1));
        TopicProbe.publish(report(articleId, true));
        TopicProbe.publish(report(articleId, false));
        TopicProbe.publish(report(articleId, true));
        ReviewItem item = await().atMost(WAIT).until(() -> itemOf(articleId), i -> i != null && i.reportCount() == 3);

        String page = TestClient.onPort(port).signedIn("reviewer", "reviewer-dev-password")
                .get("/console/items/" + item.id()).body();

        assertThat(page).contains("Readers to be told").contains("id=\"readers-to-be-told\">2<");
    }

    private static ReportSubmitted report(String articleId, boolean outcomeRequested) {
        return new ReportSubmitted(UUID.randomUUID(), Instant.now(), articleId, 1, Category.OUT_OF_DATE,
                "every four hours", "The interval changed last year", outcomeRequested);
    }

    private void awaitVersion(String articleId, long version) {
        await().atMost(WAIT).until(() -> {
            KnownArticle article = mongo.findById(articleId, KnownArticle.class);
            return article != null && article.version() >= version;
        });
    }

    private ReviewItem itemOf(String articleId) {
        return mongo.findOne(Query.query(Criteria.where("groupKey").is(articleId)), ReviewItem.class);
    }
}
