package org.erratum.review.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.review.Fixtures;
import org.erratum.review.article.KnownArticle;
import org.erratum.review.article.RevisionText;
import org.erratum.review.queue.ItemState;
import org.erratum.review.queue.Outcome;
import org.erratum.review.queue.ReviewItem;
import org.erratum.review.signoff.SignOff;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

@IntegrationTest
class ConsoleIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMAGE = "<img src=x onerror=alert(1)>";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private ConsoleSession reviewer() {
        return ConsoleSession.signedIn(port, "reviewer", "reviewer-dev-password");
    }

    private ConsoleSession senior() {
        return ConsoleSession.signedIn(port, "senior", "senior-dev-password");
    }

    /** An article known in revisions 1 and 2 (both with the fixture's dosage text), and one report on revision 1. */
    private ReviewItem reportedItem(String passage, String comment) {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.article(articleId, 1, 1));
        TopicProbe.publish(Fixtures.article(articleId, 2, 2));
        await().atMost(WAIT).until(() -> mongo.findById(articleId + ":1", RevisionText.class) != null
                && mongo.findById(articleId, KnownArticle.class) != null
                && mongo.findById(articleId, KnownArticle.class).revision() == 2);
        TopicProbe.publish(new ReportSubmitted(UUID.randomUUID(), Instant.now(), articleId, 1, Category.INACCURATE,
                passage, comment, false));
        return await().atMost(WAIT).until(() -> mongo.findOne(Query.query(Criteria.where("articleId").is(articleId)),
                ReviewItem.class), item -> item != null);
    }

    private ReviewItem reload(ReviewItem item) {
        return mongo.findById(item.id(), ReviewItem.class);
    }

    private static String page(ReviewItem item) {
        return "/console/items/" + item.id();
    }

    @Test
    void anonymousVisitorsAreSentToTheSignInPage() {
        ConsoleSession anonymous = ConsoleSession.anonymous(port);

        for (String path : new String[] {"/console", "/console/items/any", "/console/articles/any/sign-off", "/"}) {
            HttpResponse<String> response = anonymous.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        }
        HttpResponse<String> signIn = anonymous.get("/login");
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body()).contains("<label for=\"password\">Password</label>");
    }

    @Test
    void aWrongPasswordIsRefusedAndTheJsonApiStillAnswersWithoutASession() {
        ConsoleSession visitor = ConsoleSession.anonymous(port);

        HttpResponse<String> refused = visitor.submit("/login", "/login",
                Map.of("username", "reviewer", "password", "not-the-password"));

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(visitor.follow(refused).body()).contains("Sign-in failed");
        // a console session is no credential for the API: it still asks for HTTP Basic
        assertThat(reviewer().get("/api/review/items").statusCode()).isEqualTo(401);
    }

    @Test
    void aConsoleFormPostedWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        ReviewItem item = reportedItem("Take two tablets", "Two seems too many");
        ConsoleSession reviewer = reviewer();

        HttpResponse<String> refused = reviewer.post(page(item) + "/claim", Map.of());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("You cannot do that here");
        assertThat(reload(item).state()).isEqualTo(ItemState.OPEN);
    }

    @Test
    void readerTextIsShownAsTextNeverAsMarkup() {
        ReviewItem item = reportedItem(IMAGE, SCRIPT);

        HttpResponse<String> response = reviewer().get(page(item));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert")
                .doesNotContain("<img src=x");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self'"));
    }

    @Test
    void theReportedPassageIsHighlightedInTheRevisionTheReaderSaw() {
        ReviewItem item = reportedItem("two tablets every four hours", "Is that not too often?");

        String body = reviewer().get(page(item)).body();

        assertThat(body).contains("Revision 1 as readers saw it")
                .contains("Title r1")
                .contains("Take <mark>two tablets every four hours</mark>")
                .contains("Highlighted in the text below.");
    }

    @Test
    void aReviewerClaimsAndResolvesAnItemThroughTheForms() {
        ReviewItem item = reportedItem("Take two tablets", "Check the dose");
        ConsoleSession reviewer = reviewer();

        HttpResponse<String> claimed = reviewer.submit(page(item), page(item) + "/claim", Map.of());
        assertThat(claimed.statusCode()).isEqualTo(302);
        assertThat(reviewer.follow(claimed).body()).contains("You claimed this item.");
        assertThat(reload(item).state()).isEqualTo(ItemState.CLAIMED);
        assertThat(reload(item).claimedBy()).isEqualTo("reviewer");

        HttpResponse<String> incomplete = reviewer.submit(page(item), page(item) + "/resolve",
                Map.of("outcome", "NO_CHANGE_NEEDED", "revision", "", "summary", "", "duplicateOf", ""));
        assertThat(reviewer.follow(incomplete).body()).contains("role=\"alert\"").contains("summary: must not be blank");
        assertThat(reload(item).state()).isEqualTo(ItemState.CLAIMED);

        HttpResponse<String> resolved = reviewer.submit(page(item), page(item) + "/resolve",
                Map.of("outcome", "NO_CHANGE_NEEDED", "revision", "", "summary", "The dose is correct as written",
                        "duplicateOf", ""));
        assertThat(reviewer.follow(resolved).body()).contains("You resolved this item as No change needed.")
                .contains("The dose is correct as written");
        ReviewItem closed = reload(item);
        assertThat(closed.state()).isEqualTo(ItemState.RESOLVED);
        assertThat(closed.resolution().outcome()).isEqualTo(Outcome.NO_CHANGE_NEEDED);
        assertThat(closed.activity()).extracting(ReviewItem.Activity::action).contains("claimed", "resolved");
    }

    @Test
    void whatTheQueueRefusesIsShownOnThePageNotAsAnErrorPage() {
        ReviewItem item = reportedItem("Take two tablets", "Check the dose");
        ConsoleSession reviewer = reviewer();
        reviewer.submit(page(item), page(item) + "/claim", Map.of());

        HttpResponse<String> notRevisedYet = reviewer.submit(page(item), page(item) + "/resolve",
                Map.of("outcome", "REVISED", "revision", "7", "summary", "Fixed", "duplicateOf", ""));

        assertThat(notRevisedYet.statusCode()).isEqualTo(302);
        String body = reviewer.follow(notRevisedYet).body();
        assertThat(body).contains("role=\"alert\"").contains("revision: is not a published revision of article");
        assertThat(reload(item).state()).isEqualTo(ItemState.CLAIMED);
        assertThat(ConsoleSession.signedIn(port, "senior", "senior-dev-password")
                .submit(page(item), page(item) + "/release", Map.of()).statusCode()).isEqualTo(302);
        assertThat(reload(item).state()).as("only the holder may release").isEqualTo(ItemState.CLAIMED);
    }

    @Test
    void theQueueListsItemsWithTheirArticleAndFiltersThem() {
        ReviewItem item = reportedItem("Take two tablets", "Check the dose");
        ConsoleSession reviewer = reviewer();

        String queue = reviewer.get("/console?severity=HIGH&source=READER_REPORT").body();
        assertThat(queue).contains("href=\"/console/items/" + item.id() + "\"").contains("Title r2")
                .contains("Claim due");
        assertThat(reviewer.get("/console?olderThanDays=30").body()).doesNotContain("/console/items/" + item.id());
        assertThat(reviewer.get("/console?source=REVIEW_DUE").body()).doesNotContain("/console/items/" + item.id());
        HttpResponse<String> wrong = reviewer.get("/console?severity=SEVERE");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("severity: is not one of the values this page offers");
    }

    @Test
    void onlyASeniorReviewerSignsOffAnArticleFromTheConsole() {
        ReviewItem item = reportedItem("Take two tablets", "Check the dose");
        String signOffPage = "/console/articles/" + item.articleId() + "/sign-off?itemId=" + item.id();

        assertThat(reviewer().get(signOffPage).statusCode()).isEqualTo(403);
        assertThat(reviewer().get(page(item)).body()).doesNotContain("/sign-off");

        ConsoleSession senior = senior();
        assertThat(senior.get(page(item)).body()).contains("Sign off");
        HttpResponse<String> form = senior.get(signOffPage);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"revision\">Revision you reviewed</label>");

        HttpResponse<String> signedOff = senior.submit(signOffPage, "/console/articles/" + item.articleId()
                + "/sign-off", Map.of("revision", "2", "itemId", item.id()));

        assertThat(signedOff.statusCode()).isEqualTo(302);
        assertThat(senior.follow(signedOff).body()).contains("You signed off revision 2");
        assertThat(mongo.findOne(Query.query(Criteria.where("articleId").is(item.articleId())), SignOff.class))
                .satisfies(signOff -> {
                    assertThat(signOff.revision()).isEqualTo(2);
                    assertThat(signOff.signedOffBy()).isEqualTo("senior");
                    assertThat(signOff.itemId()).isEqualTo(item.id());
                });
    }
}
