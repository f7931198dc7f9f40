package org.erratum.review.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.erratum.events.ArticleChanged;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.review.Fixtures;
import org.erratum.review.article.KnownArticle;
import org.erratum.review.article.RevisionText;
import org.erratum.review.queue.ItemState;
import org.erratum.review.queue.Outcome;
import org.erratum.review.queue.ReviewItem;
import org.erratum.review.queue.StoredItems;
import org.erratum.review.signoff.SignOff;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The console's part in correcting an article: from the item to the editor and back, resolving as revised in one
 * step, what changed since readers saw the article or since the last sign-off, and the interim safety notice.
 */
@IntegrationTest
class CorrectionConsoleIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final String READERS_SAW = "Take two tablets every four hours.";
    private static final String CORRECTED = "Take one tablet every four hours.";
    private static final String LIMIT = "Do not take more than 4 doses in 24 hours.";
    private static final String NOTICE = "The dosing advice on this page is being checked by our clinicians.";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private TestClient signedIn(String user) {
        return TestClient.onPort(port).signedIn(user, user + "-dev-password");
    }

    private void publishAndAwait(ArticleChanged revision) {
        TopicProbe.publish(revision);
        await().atMost(WAIT).until(() -> mongo.findById(revision.articleId() + ":" + revision.revision(),
                RevisionText.class) != null && mongo.findById(revision.articleId(), KnownArticle.class) != null
                && mongo.findById(revision.articleId(), KnownArticle.class).revision() == revision.revision());
    }

    /** An article in its first revision, and a reader's safety report on it. */
    private ReviewItem reportedSafetyConcern() {
        String articleId = Fixtures.newArticleId();
        publishAndAwait(Fixtures.revision(articleId, 1, "First version", null, READERS_SAW));
        TopicProbe.publish(new ReportSubmitted(UUID.randomUUID(), Instant.now(), articleId, 1,
                Category.SAFETY_CONCERN, "two tablets", "My leaflet says one", false));
        return await().atMost(WAIT).until(() -> mongo.findOne(Query.query(Criteria.where("articleId").is(articleId)),
                ReviewItem.class), found -> found != null);
    }

    private ReviewItem reload(ReviewItem item) {
        return StoredItems.item(mongo, item.id());
    }

    private static String page(ReviewItem item) {
        return "/console/items/" + item.id();
    }

    @Test
    void correctThisArticleOpensTheEditorOnTheItem() {
        ReviewItem item = reportedSafetyConcern();

        String body = signedIn("reviewer").getText(page(item)).body();

        assertThat(body).contains("<a id=\"correct-article\" href=\"http://localhost:8081/editor/articles/"
                + item.articleId() + "/edit?item=" + item.id() + "\">Correct this");
    }

    @Test
    void aRevisionSavedForTheItemResolvesItAsRevisedInOneStep() {
        ReviewItem item = reportedSafetyConcern();
        TestClient reviewer = signedIn("reviewer");
        assertThat(reviewer.submit(page(item), page(item) + "/claim", Map.of()).status()).isEqualTo(302);
        assertThat(reviewer.getText(page(item)).body()).doesNotContain("id=\"answer\"");

        publishAndAwait(Fixtures.revision(item.articleId(), 2, "Stated one tablet per dose", item.id(), CORRECTED,
                LIMIT));
        String body = reviewer.getText(page(item)).body();
        assertThat(body).contains("Revision 2 answers this item").contains("Stated one tablet per dose");

        Response resolved = reviewer.submit(page(item), page(item) + "/resolve",
                formFields(body, "resolve-as-revised"));

        assertThat(reviewer.follow(resolved).body()).contains("You resolved this item as Revised.")
                .contains("Stated one tablet per dose");
        ReviewItem closed = reload(item);
        assertThat(closed.state()).isEqualTo(ItemState.RESOLVED);
        assertThat(closed.resolution().outcome()).isEqualTo(Outcome.REVISED);
        assertThat(closed.resolution().revision()).isEqualTo(2);
        assertThat(closed.resolution().publicReason()).isEqualTo("Stated one tablet per dose");
        assertThat(closed.resolution().summary()).isEqualTo("Corrected in revision 2: Stated one tablet per dose");
    }

    @Test
    void theItemPageShowsWhatChangedSinceReadersSawTheArticle() {
        ReviewItem item = reportedSafetyConcern();
        TestClient reviewer = signedIn("reviewer");
        assertThat(oneLine(reviewer.getText(page(item)).body()))
                .contains("Nothing changed: revision <span>1</span> reads"
                        + " as readers saw it.");

        publishAndAwait(Fixtures.revision(item.articleId(), 2, "Stated one tablet per dose", null, CORRECTED,
                LIMIT));
        String diff = section(reviewer.getText(page(item)).body(), "item-diff");

        assertThat(diff).contains("<caption>From revision 1 to revision 2: 2 blocks added, removed or changed"
                        + "</caption>")
                .contains("<th scope=\"row\">Changed</th><td>Paragraph</td><td class=\"depth-0\">Take "
                        + "<del>two tablets</del><ins>one tablet</ins> every four hours.</td>")
                .contains("<th scope=\"row\">Added</th><td>Paragraph</td><td class=\"depth-0\"><ins>" + LIMIT
                        + "</ins></td>")
                .contains("<td colspan=\"3\">2 unchanged blocks</td>");
    }

    @Test
    void theSignOffPageShowsWhatChangedSinceTheLastSignOffAndAsksForTheWholeArticle() {
        ReviewItem item = reportedSafetyConcern();
        TestClient senior = signedIn("senior");
        String signOffPage = "/console/articles/" + item.articleId() + "/sign-off";
        String first = oneLine(senior.getText(signOffPage).body());
        assertThat(first).contains("The whole article, as nothing was signed off before")
                .contains("<caption>Revision 1, all of it new to clinical review</caption>")
                .contains("<th scope=\"row\">Added</th><td>Paragraph</td><td class=\"depth-0\"><ins>" + READERS_SAW)
                .contains("<input type=\"checkbox\" id=\"reviewedWholeArticle\" name=\"reviewedWholeArticle\" "
                        + "value=\"true\" required>");

        Response unconfirmed = senior.submit(signOffPage, signOffPage, Map.of("revision", "1"));

        assertThat(senior.follow(unconfirmed).body()).contains("role=\"alert\"")
                .contains("reviewedWholeArticle: must be true: confirm that you reviewed the whole article");
        assertThat(signOffsOf(item)).as("nothing signed").isZero();

        Response confirmed = senior.submit(signOffPage, signOffPage, Map.of("revision", "1",
                "reviewedWholeArticle", "true"));
        assertThat(senior.follow(confirmed).body()).contains("You signed off revision 1");
        assertThat(signOffsOf(item)).isEqualTo(1);

        publishAndAwait(Fixtures.revision(item.articleId(), 2, "Stated one tablet per dose", null, CORRECTED));
        String second = oneLine(senior.getText(signOffPage).body());
        assertThat(second).contains("What changed since the last sign-off")
                .contains("<dt>Last signed off here</dt><dd>Revision 1</dd>")
                .contains("<caption>From revision 1 to revision 2: 1 block added, removed or changed</caption>")
                .contains("Take <del>two tablets</del><ins>one tablet</ins> every four hours.")
                .contains("<summary>Read the whole article as readers see it</summary>");
    }

    @Test
    void aSeniorReviewerPutsASafetyNoticeOnThePageFromTheConsoleAndLiftsIt() {
        ReviewItem item = reportedSafetyConcern();
        TestClient reviewer = signedIn("reviewer");
        assertThat(reviewer.getText(page(item)).body()).doesNotContain("name=\"notice\"");
        Response refused = reviewer.submit(page(item), page(item) + "/safety-notice",
                Map.of("notice", NOTICE));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(reload(item).safetyNotice()).isNull();

        TestClient senior = signedIn("senior");
        Response tooLong = senior.submit(page(item), page(item) + "/safety-notice",
                Map.of("notice", "x".repeat(ReviewItem.SafetyNotice.MAX_LENGTH + 1)));
        assertThat(senior.follow(tooLong).body()).contains("notice: size must be between 0 and 200")
                .contains("href=\"#notice\"");
        assertThat(reload(item).safetyNotice()).isNull();

        Response set = senior.submit(page(item), page(item) + "/safety-notice", Map.of("notice", NOTICE));
        assertThat(senior.follow(set).body()).contains("Your safety notice is on its way to the article page.")
                .contains("<blockquote id=\"safety-notice\" class=\"safety-notice\">" + NOTICE + "</blockquote>");
        assertThat(reload(item).safetyNotice().text()).isEqualTo(NOTICE);
        assertThat(reviewer.getText(page(item)).body()).as("every reviewer sees it").contains(NOTICE)
                .doesNotContain("Lift the safety notice");

        Response lifted = senior.submit(page(item), page(item) + "/safety-notice/lift", Map.of());
        assertThat(senior.follow(lifted).body()).contains("You lifted the safety notice");
        assertThat(reload(item).safetyNotice()).isNull();
    }

    private long signOffsOf(ReviewItem item) {
        return mongo.count(Query.query(Criteria.where("articleId").is(item.articleId())), SignOff.class);
    }

    private static final Pattern FORM = Pattern.compile("<form [^>]*>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern TEXTAREA = Pattern.compile("<textarea [^>]*name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>");

    /** What a browser sends for the form holding this button: its hidden fields and the text its areas hold. */
    private static Map<String, String> formFields(String page, String buttonId) {
        Matcher forms = FORM.matcher(page);
        while (forms.find()) {
            String form = forms.group(1);
            if (!form.contains("id=\"" + buttonId + "\"")) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher hidden = HIDDEN.matcher(form);
            while (hidden.find()) {
                fields.put(hidden.group(1), hidden.group(2));
            }
            Matcher text = TEXTAREA.matcher(form);
            while (text.find()) {
                fields.put(text.group(1), text.group(2));
            }
            fields.remove("_csrf"); // the session sends the token of the page it opens
            return fields;
        }
        throw new AssertionError("No form with button " + buttonId);
    }

    /** The element with this id and what follows it, whitespace between tags removed. */
    private static String section(String body, String id) {
        String flat = oneLine(body);
        int start = flat.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        return flat.substring(start);
    }

    private static String oneLine(String body) {
        return body.replaceAll("\\s+", " ").replace("> <", "><");
    }
}
