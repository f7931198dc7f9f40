package org.erratum.review.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.erratum.events.ReportSubmitted.Category;
import org.erratum.review.queue.ItemState;
import org.erratum.review.queue.ReviewItem;
import org.erratum.review.queue.StoredItems;
import org.erratum.review.signoff.SignOff;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Every console form sent twice from one page, as a browser resending it does: the second is the same request, so it
 * answers with the same redirect and confirmation, and changes nothing.
 */
@IntegrationTest
class ConsoleDoubleSubmitIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private ReviewItem reload(ReviewItem item) {
        return StoredItems.item(mongo, item.id());
    }

    private static String page(ReviewItem item) {
        return "/console/items/" + item.id();
    }

    /** Sends the form twice; returns the pages both answers lead to. */
    private static List<Response> sendTwice(TestClient session, String pagePath, String actionPath,
            Map<String, String> fields) {
        Map<String, String> form = session.formOf(pagePath, fields);
        Response first = session.postForm(actionPath, form);
        Response firstPage = session.follow(first);
        Response second = session.postForm(actionPath, form);
        assertThat(List.of(first, second)).extracting(Response::status).containsExactly(302, 302);
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        return List.of(firstPage, session.follow(second));
    }

    /** Both answers lead to the same page with the same confirmation, and the item changed once. */
    private ReviewItem sentTwice(TestClient session, ReviewItem item, String action, Map<String, String> fields,
            String confirmation) {
        long versionBefore = reload(item).version();
        for (Response answer : sendTwice(session, page(item), page(item) + action, fields)) {
            assertThat(answer.body()).contains(confirmation).doesNotContain("role=\"alert\"");
        }
        ReviewItem after = reload(item);
        assertThat(after.version()).as("one change for two submissions of %s", action).isEqualTo(versionBefore + 1);
        return after;
    }

    private static List<String> actions(ReviewItem item) {
        return item.activity().stream().map(ReviewItem.Activity::action).toList();
    }

    @Test
    void claimExtendNoteAndEscalateSentTwiceActOnce() {
        ReviewItem item = ReportedItems.reportedItem(mongo, "Take two tablets", "Check the dose");
        TestClient reviewer = TestClient.onPort(port).signedIn("reviewer", "reviewer-dev-password");

        ReviewItem claimed = sentTwice(reviewer, item, "/claim", Map.of(), "You claimed this item.");
        assertThat(claimed.claimedBy()).isEqualTo("reviewer");
        ReviewItem extended = sentTwice(reviewer, item, "/claim", Map.of(), "You claimed this item.");
        assertThat(extended.leaseExpiresAt()).isAfterOrEqualTo(claimed.leaseExpiresAt());
        sentTwice(reviewer, item, "/notes", Map.of("text", "Asked the author for the source"),
                "Your note was added to the activity log.");
        ReviewItem escalated = sentTwice(reviewer, item, "/escalate", Map.of("reason", "Needs a pharmacist"),
                "You escalated this item to the senior reviewers.");

        assertThat(escalated.state()).isEqualTo(ItemState.ESCALATED);
        assertThat(actions(escalated)).containsExactly("claimed", "claimed", "note", "escalated");
    }

    @Test
    void releaseAndResolveSentTwiceActOnce() {
        ReviewItem item = ReportedItems.reportedItem(mongo, "Take two tablets", "Check the dose");
        TestClient reviewer = TestClient.onPort(port).signedIn("reviewer", "reviewer-dev-password");
        reviewer.submit(page(item), page(item) + "/claim", Map.of());

        sentTwice(reviewer, item, "/release", Map.of(), "You released this item; it is back in the queue.");
        reviewer.submit(page(item), page(item) + "/claim", Map.of());
        ReviewItem resolved = sentTwice(reviewer, item, "/resolve", Map.of("outcome", "NO_CHANGE_NEEDED",
                "revision", "", "summary", "The dose is right", "duplicateOf", ""),
                "You resolved this item as No change needed.");

        assertThat(resolved.state()).isEqualTo(ItemState.RESOLVED);
        assertThat(actions(resolved)).containsExactly("claimed", "released", "claimed", "resolved");
    }

    @Test
    void aSafetyNoticeSetAndLiftedTwiceActsOnceEach() {
        ReviewItem item = ReportedItems.reportedItem(mongo, Category.SAFETY_CONCERN, "Take two tablets",
                "My leaflet says one");
        TestClient senior = TestClient.onPort(port).signedIn("senior", "senior-dev-password");

        ReviewItem noticed = sentTwice(senior, item, "/safety-notice", Map.of("notice", "Being checked."),
                "Your safety notice is on its way to the article page.");
        assertThat(noticed.safetyNotice().text()).isEqualTo("Being checked.");
        ReviewItem lifted = sentTwice(senior, item, "/safety-notice/lift", Map.of(),
                "You lifted the safety notice; the article page drops it shortly.");

        assertThat(lifted.safetyNotice()).isNull();
        assertThat(actions(lifted)).containsExactly("safety notice set", "safety notice lifted");
    }

    @Test
    void claimingTheNextItemTwiceClaimsOneItem() {
        TestClient reviewer = TestClient.onPort(port).signedIn("reviewer", "reviewer-dev-password");
        ReportedItems.reportedItem(mongo, "Take two tablets", "Check the dose");
        long claimsBefore = StoredItems.claimsBy(mongo, "reviewer");

        List<Response> pages = sendTwice(reviewer, "/console", "/console/claim-next", Map.of());

        for (Response page : pages) {
            assertThat(page.uri().getPath()).isEqualTo(pages.get(0).uri().getPath()).startsWith("/console/items/");
            assertThat(page.body()).contains("You claimed the most pressing item.");
        }
        assertThat(StoredItems.claimsBy(mongo, "reviewer")).isEqualTo(claimsBefore + 1);
    }

    @Test
    void aSignOffSentTwiceIsStoredOnceAndConfirmedTwice() {
        ReviewItem item = ReportedItems.reportedItem(mongo, "Take two tablets", "Check the dose");
        TestClient senior = TestClient.onPort(port).signedIn("senior", "senior-dev-password");
        String signOffPage = "/console/articles/" + item.articleId() + "/sign-off?itemId=" + item.id();

        List<Response> pages = sendTwice(senior, signOffPage,
                "/console/articles/" + item.articleId() + "/sign-off", Map.of("revision", "2", "itemId", item.id(), "reviewedWholeArticle", "true"));

        for (Response page : pages) {
            assertThat(page.body()).contains("You signed off revision 2 as clinically reviewed.");
        }
        assertThat(mongo.count(Query.query(Criteria.where("articleId").is(item.articleId())), SignOff.class))
                .isEqualTo(1);
        assertThat(actions(reload(item))).containsExactly("signed off");
    }

    @Test
    void aFormWithoutItsRequestKeyIsRefusedAndChangesNothing() {
        ReviewItem item = ReportedItems.reportedItem(mongo, "Take two tablets", "Check the dose");
        TestClient reviewer = TestClient.onPort(port).signedIn("reviewer", "reviewer-dev-password");
        String csrf = reviewer.getText(page(item)).body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

        Response refused = reviewer.postForm(page(item) + "/claim", Map.of("_csrf", csrf));

        assertThat(reviewer.follow(refused).body()).contains("role=\"alert\"")
                .contains("requestKey: is missing from this form: reload the page and send it again");
        assertThat(reload(item).state()).isEqualTo(ItemState.OPEN);
    }
}
