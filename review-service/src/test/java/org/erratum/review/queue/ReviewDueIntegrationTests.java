package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

@IntegrationTest
class ReviewDueIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReviewDueScanner scanner;

    private String articleDue(LocalDate nextReviewDue) {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.article(articleId, 1, 1, nextReviewDue));
        await().atMost(WAIT).until(() -> mongo.findById(articleId, KnownArticle.class) != null);
        return articleId;
    }

    private ReviewItem itemOf(String articleId) {
        return mongo.findOne(Query.query(Criteria.where("groupKey").is(articleId)), ReviewItem.class);
    }

    @Test
    void anArticleWhoseReviewIsDueIsQueuedOnceHoweverOftenTheScanRuns() {
        String due = articleDue(LocalDate.now().minusDays(3));
        String dueWithinLeadTime = articleDue(LocalDate.now().plusDays(10));
        String notYetDue = articleDue(LocalDate.now().plusMonths(6));

        scanner.queueArticlesDueForReview();
        scanner.queueArticlesDueForReview();

        ReviewItem item = itemOf(due);
        assertThat(item.sources()).containsExactly(Source.REVIEW_DUE);
        assertThat(item.severity()).isEqualTo(Severity.LOW);
        assertThat(item.reportCount()).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("articleId").is(due)), ReviewItem.class)).isEqualTo(1);
        assertThat(itemOf(dueWithinLeadTime)).isNotNull();
        assertThat(itemOf(notYetDue)).isNull();
    }

    @Test
    void aReportJoinsTheReviewDueItemAndASafetyConcernTightensItsSla() {
        String articleId = articleDue(LocalDate.now().minusDays(1));
        scanner.queueArticlesDueForReview();
        Instant lowClaimDue = itemOf(articleId).claimDueAt();

        TopicProbe.publish(Fixtures.report(articleId, Category.SAFETY_CONCERN));

        ReviewItem item = await().atMost(WAIT).until(() -> itemOf(articleId), i -> i.reportCount() == 1);
        assertThat(item.sources()).containsExactlyInAnyOrder(Source.REVIEW_DUE, Source.READER_REPORT);
        assertThat(item.severity()).isEqualTo(Severity.URGENT);
        assertThat(item.claimDueAt()).isBefore(lowClaimDue)
                .isBefore(Instant.now().plus(Duration.ofHours(1)).plusSeconds(1));
    }

    @Test
    void itemsPastTheirSlaAreListedAsBreached() {
        String late = articleDue(LocalDate.now().minusDays(1));
        String onTime = articleDue(LocalDate.now().minusDays(1));
        scanner.queueArticlesDueForReview();
        mongo.updateFirst(Query.query(Criteria.where("groupKey").is(late)),
                Update.update("claimDueAt", Instant.now().minusSeconds(60)), ReviewItem.class);

        var breached = TestClient.onPort(port).as("reviewer", "reviewer-dev-password")
                .get("/api/review/items?breached=true&limit=200").json();

        assertThat(breached.findValuesAsString("articleId")).contains(late).doesNotContain(onTime);
    }
}
