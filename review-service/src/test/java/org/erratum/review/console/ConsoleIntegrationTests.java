package org.erratum.review.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bson.Document;
import org.erratum.events.ArticleChanged;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.events.VoteCast;
import org.erratum.platform.helpfulness.SmoothedHelpfulness;
import org.erratum.review.Fixtures;
import org.erratum.review.QueuePages;
import org.erratum.review.article.KnownArticle;
import org.erratum.review.article.RevisionText;
import org.erratum.review.helpfulness.HelpfulnessProperties;
import org.erratum.review.helpfulness.RevisionHelpfulness;
import org.erratum.review.queue.ItemState;
import org.erratum.review.queue.Outcome;
import org.erratum.review.queue.ReviewItem;
import org.erratum.review.queue.StoredItems;
import org.erratum.review.queue.Signals;
import org.erratum.review.signoff.SignOff;
import org.erratum.testsupport.ArticleStates;
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
import org.springframework.data.mongodb.core.query.Update;

@IntegrationTest
class ConsoleIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMAGE = "<img src=x onerror=alert(1)>";

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    HelpfulnessProperties helpfulness;

    @Autowired
    SmoothedHelpfulness smoothing;

    @Autowired
    RevisionHelpfulness revisionVotes;

    @Autowired
    Signals signals;

    @Autowired
    ConsoleProperties console;

    private TestClient reviewer() {
        return TestClient.onPort(port).signedIn("reviewer", "reviewer-dev-password");
    }

    private TestClient senior() {
        return TestClient.onPort(port).signedIn("senior", "senior-dev-password");
    }

    private ReviewItem reportedItem(String passage, String comment) {
        return ReportedItems.reportedItem(mongo, passage, comment);
    }

    private ReviewItem reportOnRevision1(String articleId, String passage, String comment) {
        return ReportedItems.reportOnRevision1(mongo, articleId, passage, comment);
    }

    private void awaitRevision1(String articleId) {
        await().atMost(WAIT).until(() -> mongo.findById(articleId + ":1", RevisionText.class) != null
                && mongo.findById(articleId, KnownArticle.class) != null);
    }

    private ReviewItem reload(ReviewItem item) {
        return StoredItems.item(mongo, item.id());
    }

    private static String page(ReviewItem item) {
        return "/console/items/" + item.id();
    }

    /** An item no reader reported and nobody measured, on an article the service did not know when it opened. */
    @Test
    void theItemPageShowsAnItemThatNoReaderRevisionLedTo() {
        String articleId = Fixtures.newArticleId();
        signals.flagReviewDue(articleId);
        ReviewItem item = mongo.findOne(Query.query(Criteria.where("articleId").is(articleId)), ReviewItem.class);

        Response page = reviewer().getText(page(item));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("No reader reported this article");
    }

    @Test
    void anonymousVisitorsAreSentToTheSignInPage() {
        TestClient anonymous = TestClient.onPort(port).session();

        for (String path : new String[] {"/console", "/console/items/any", "/console/articles/any/sign-off", "/"}) {
            Response response = anonymous.getText(path);
            assertThat(response.status()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        }
        Response signIn = anonymous.getText("/login");
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.body()).contains("<label for=\"password\">Password</label>");
    }

    @Test
    void aWrongPasswordIsRefusedAndTheJsonApiStillAnswersWithoutASession() {
        TestClient visitor = TestClient.onPort(port).session();

        Response refused = visitor.submit("/login", "/login",
                Map.of("username", "reviewer", "password", "not-the-password"));

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(visitor.follow(refused).body()).contains("Sign-in failed");
        // a console session is no credential for the API: it still asks for HTTP Basic
        assertThat(reviewer().getText("/api/review/items").status()).isEqualTo(401);
    }

    @Test
    void aConsoleFormPostedWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        ReviewItem item = reportedItem("Take two tablets", "Two seems too many");
        TestClient reviewer = reviewer();

        Response refused = reviewer.postForm(page(item) + "/claim", Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("You cannot do that here");
        assertThat(reload(item).state()).isEqualTo(ItemState.OPEN);
    }

    @Test
    void readerTextIsShownAsTextNeverAsMarkup() {
        ReviewItem item = reportedItem(IMAGE, SCRIPT);

        Response response = reviewer().getText(page(item));

        assertThat(response.status()).isEqualTo(200);
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

        String body = reviewer().getText(page(item)).body();

        assertThat(body).contains("Revision 1 as readers saw it")
                .contains("Title r1")
                .contains("Take <mark>two tablets every four hours</mark>")
                .contains("Highlighted in the text below.");
    }

    @Test
    void theRevisionIsShownWithItsStructureAndAPassageAcrossListItemsIsHighlightedInEach() {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.richArticle(articleId));
        awaitRevision1(articleId);
        // as the article page's script sends a selection over two list items: whitespace folded to single spaces
        ReviewItem item = reportOnRevision1(articleId, "every day Avoid bed rest (1)", "Bed rest is not advised");

        String body = reviewer().getText(page(item)).body().replaceAll("\\s+", " ").replace("> <", "><");

        assertThat(body).contains("<h4>What helps</h4><p>Most back pain gets better (1, 2).</p><h5>Treatments</h5>"
                        + "<ol><li>Keep active<ol><li>Walk a little <mark>every day</mark></li>"
                        + "<li><mark>Avoid bed rest (1)</mark></li></ol></li><li>Ease the pain<ol>")
                .contains("<div class=\"callout\" role=\"note\"><p class=\"callout-title\"><strong>Get help now"
                        + "</strong></p><p>Call 999 if you cannot pee.</p></div>")
                .contains("Highlighted in the text below.");
    }

    @Test
    void anArticleStatePublishedBeforeBlocksShowsItsBodyAsOneParagraph() {
        String articleId = Fixtures.newArticleId();
        ArticleStates.publishBeforeBlocks(ArticleStates.article(articleId).slug("old-" + articleId)
                .title("Published earlier")
                .sections(List.of(new ArticleChanged.Section("Dose", "Take <b>two</b> tablets\nevery four hours.")))
                .build());
        awaitRevision1(articleId);
        ReviewItem item = reportOnRevision1(articleId, "two</b> tablets every", "Too often");

        String body = reviewer().getText(page(item)).body();

        assertThat(mongo.findById(articleId + ":1", RevisionText.class).sections().get(0).blocks()).containsExactly(
                new ArticleChanged.Block(ArticleChanged.BlockType.PARAGRAPH, "Take <b>two</b> tablets\nevery four hours.",
                        List.of()));
        assertThat(body).contains("<h4>Dose</h4>")
                .contains("<p>Take &lt;b&gt;<mark>two&lt;/b&gt; tablets\nevery</mark> four hours.</p>")
                .contains("Highlighted in the text below.");
    }

    @Test
    void aRevisionStoredBeforeBlocksIsStillShown() {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.article(articleId, 1, 1));
        awaitRevision1(articleId);
        // the revision's text as this service stored it before sections had blocks
        mongo.getCollection("article_revisions").replaceOne(new Document("_id", articleId + ":1"), new Document(Map.of(
                "_id", articleId + ":1", "articleId", articleId, "revision", 1, "title", "Stored earlier",
                "summary", "Summary", "sections", List.of(new Document(Map.of("heading", "Dosage",
                        "body", "Take two tablets every four hours"))))));
        ReviewItem item = reportOnRevision1(articleId, "every four hours", "Too often");

        String body = reviewer().getText(page(item)).body();

        assertThat(body).contains("Stored earlier").contains("<p>Take two tablets <mark>every four hours</mark></p>");
    }

    @Test
    void aReviewerClaimsAndResolvesAnItemThroughTheForms() {
        ReviewItem item = reportedItem("Take two tablets", "Check the dose");
        TestClient reviewer = reviewer();

        Response claimed = reviewer.submit(page(item), page(item) + "/claim", Map.of());
        assertThat(claimed.status()).isEqualTo(302);
        assertThat(reviewer.follow(claimed).body()).contains("You claimed this item.");
        assertThat(reload(item).state()).isEqualTo(ItemState.CLAIMED);
        assertThat(reload(item).claimedBy()).isEqualTo("reviewer");

        Response incomplete = reviewer.submit(page(item), page(item) + "/resolve",
                Map.of("outcome", "NO_CHANGE_NEEDED", "revision", "", "summary", "", "duplicateOf", ""));
        assertThat(reviewer.follow(incomplete).body()).contains("role=\"alert\"").contains("summary: must not be blank");
        assertThat(reload(item).state()).isEqualTo(ItemState.CLAIMED);

        Response resolved = reviewer.submit(page(item), page(item) + "/resolve",
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
        TestClient reviewer = reviewer();
        reviewer.submit(page(item), page(item) + "/claim", Map.of());

        Response notRevisedYet = reviewer.submit(page(item), page(item) + "/resolve",
                Map.of("outcome", "REVISED", "revision", "7", "summary", "Fixed", "duplicateOf", ""));

        assertThat(notRevisedYet.status()).isEqualTo(302);
        String body = reviewer.follow(notRevisedYet).body();
        assertThat(body).contains("role=\"alert\"").contains("revision: is not a published revision of article");
        assertThat(reload(item).state()).isEqualTo(ItemState.CLAIMED);
        assertThat(TestClient.onPort(port).signedIn("senior", "senior-dev-password")
                .submit(page(item), page(item) + "/release", Map.of()).status()).isEqualTo(302);
        assertThat(reload(item).state()).as("only the holder may release").isEqualTo(ItemState.CLAIMED);
    }

    @Test
    void theQueueListsItemsWithTheirArticleAndFiltersThem() {
        ReviewItem item = reportedItem("Take two tablets", "Check the dose");
        TestClient reviewer = reviewer();

        String queue = QueuePages.all(reviewer, "/console?severity=HIGH&source=READER_REPORT");
        assertThat(queue).contains("href=\"/console/items/" + item.id() + "\"").contains("Title r2")
                .contains("Claim due");
        assertThat(QueuePages.all(reviewer, "/console?olderThanDays=30"))
                .doesNotContain("/console/items/" + item.id());
        assertThat(QueuePages.all(reviewer, "/console?source=REVIEW_DUE"))
                .doesNotContain("/console/items/" + item.id());
        Response wrong = reviewer.getText("/console?severity=SEVERE");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("severity: is not one of the values this page offers");
    }

    /** A long queue is shown a page at a time, the filter kept from page to page, each item on one page. */
    @Test
    void aReviewerPagesThroughALongQueueSeeingEachItemOnce() {
        int pageSize = console.queuePageSize();
        List<String> ours = new ArrayList<>();
        for (int n = 0; n < pageSize + 2; n++) {
            String articleId = Fixtures.newArticleId();
            signals.addReport(new ReportSubmitted(UUID.randomUUID(), Instant.now(), articleId, 1, Category.OTHER,
                    null, "comment " + n, false));
            ours.add(articleId);
        }
        // arrived long before anything else in the store: the age filter then leaves only these
        mongo.updateMulti(Query.query(Criteria.where("articleId").in(ours)),
                Update.update("createdAt", Instant.parse("1971-01-01T00:00:00Z")), ReviewItem.class);
        TestClient reviewer = reviewer();

        String first = reviewer.getText("/console?olderThanDays=18000").body();
        assertThat(itemLinks(first)).hasSize(pageSize);
        assertThat(first).contains("Items 1 to " + pageSize + ", most pressing first")
                .doesNotContain("id=\"previous-page\"");
        String next = QueuePages.next(first);
        assertThat(next).isEqualTo("/console?olderThanDays=18000&page=2");
        String second = reviewer.getText(next).body();
        assertThat(itemLinks(second)).hasSize(2);
        assertThat(second).contains("Items " + (pageSize + 1) + " to " + (pageSize + 2) + " of " + (pageSize + 2))
                .doesNotContain("id=\"next-page\"")
                .containsPattern("id=\"previous-page\"\\s+href=\"/console\\?olderThanDays=18000&amp;page=1\"");

        List<String> shown = new ArrayList<>(itemLinks(first));
        shown.addAll(itemLinks(second));
        assertThat(shown).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ours.stream()
                .map(articleId -> mongo.findOne(Query.query(Criteria.where("articleId").is(articleId)),
                        ReviewItem.class).id()).toList());
        assertThat(reviewer.getText("/console?page=0").status()).isEqualTo(400);
    }

    private static List<String> itemLinks(String queuePage) {
        return Pattern.compile("href=\"/console/items/([^\"]+)\"").matcher(queuePage).results()
                .map(match -> match.group(1)).toList();
    }


    @Test
    void onlyASeniorReviewerSignsOffAnArticleFromTheConsole() {
        ReviewItem item = reportedItem("Take two tablets", "Check the dose");
        String signOffPage = "/console/articles/" + item.articleId() + "/sign-off?itemId=" + item.id();

        assertThat(reviewer().getText(signOffPage).status()).isEqualTo(403);
        assertThat(reviewer().getText(page(item)).body()).doesNotContain("/sign-off");

        TestClient senior = senior();
        assertThat(senior.getText(page(item)).body()).contains("Sign off");
        Response form = senior.getText(signOffPage);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"revision\">Revision you reviewed</label>");

        Response signedOff = senior.submit(signOffPage, "/console/articles/" + item.articleId()
                + "/sign-off", Map.of("revision", "2", "itemId", item.id(), "reviewedWholeArticle", "true"));

        assertThat(signedOff.status()).isEqualTo(302);
        assertThat(senior.follow(signedOff).body()).contains("You signed off revision 2");
        assertThat(mongo.findOne(Query.query(Criteria.where("articleId").is(item.articleId())), SignOff.class))
                .satisfies(signOff -> {
                    assertThat(signOff.revision()).isEqualTo(2);
                    assertThat(signOff.signedOffBy()).isEqualTo("senior");
                    assertThat(signOff.itemId()).isEqualTo(item.id());
                });
    }

    @Test
    void anItemPageShowsItsArticlesHelpfulnessTrendPerRevisionAndPerWeek() {
        ReviewItem item = reportedItem("Take two tablets", "Check the dose");
        TestClient reviewer = reviewer();
        assertThat(reviewer.getText(page(item)).body()).as("no votes yet").doesNotContain("Helpfulness trend");
        Instant now = Instant.now();
        int weeks = helpfulness.trendWeeks();
        List<VoteCast> votes = List.of(
                vote(item, 1, true, "reader-a", now.minus(Duration.ofDays(7))),
                vote(item, 1, true, "reader-b", now.minus(Duration.ofDays(7))),
                vote(item, 1, false, "reader-c", now.minus(Duration.ofDays(14))),
                vote(item, 1, true, "reader-d", now.minus(Duration.ofDays(7L * weeks))), // before the weeks shown
                vote(item, 2, true, "reader-a", now),
                vote(item, 2, false, "reader-b", now),
                vote(item, 2, false, "reader-e", now));
        votes.forEach(TopicProbe::publish);
        await().atMost(WAIT).until(() -> mongo.count(Query.query(Criteria.where("articleId").is(item.articleId())),
                "latest_votes") == votes.size() && revisionVotes.of(item.articleId(), 1).total() == 4
                && revisionVotes.of(item.articleId(), 2).total() == 3);

        String trend = trendSection(reviewer.getText(page(item)).body());

        assertThat(trend).as("a reader report item, not a low-helpfulness one").contains("Helpfulness trend")
                .contains(revisionRow("<span>1</span>", 3, 1, "75%"))
                .contains(revisionRow("<span>2</span> (latest)", 1, 2, "33%"));
        LocalDate thisWeek = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        assertThat(trend).contains(weekRow(thisWeek, 3, 33))
                .contains(weekRow(thisWeek.minusWeeks(1), 2, 100))
                .contains(weekRow(thisWeek.minusWeeks(2), 1, 0))
                .contains(emptyWeekRow(thisWeek.minusWeeks(weeks - 1)))
                .doesNotContain("datetime=\"" + thisWeek.minusWeeks(weeks) + "\"")
                .doesNotContain("style=");
    }

    private static VoteCast vote(ReviewItem item, int revision, boolean helpful, String reader, Instant at) {
        return new VoteCast(UUID.randomUUID(), at, item.articleId(), revision, helpful,
                helpful ? null : VoteCast.NotHelpfulReason.OUT_OF_DATE, reader);
    }

    /** The trend section with its whitespace collapsed, so that rows read as one line each. */
    private static String trendSection(String body) {
        int start = body.indexOf("<section aria-labelledby=\"trend-heading\">");
        assertThat(start).as("trend section").isNotNegative();
        return body.substring(start, body.indexOf("</section>", start)).replaceAll("\\s+", " ");
    }

    /** Expects the smoothed score against the site-wide helpful rate of every vote stored so far. */
    private String revisionRow(String revision, long yes, long no, String helpful) {
        long siteYes = mongo.count(Query.query(Criteria.where("helpful").is(true)), "latest_votes");
        long siteVotes = mongo.count(new Query(), "latest_votes");
        double siteRatio = siteVotes < helpfulness.minVotes() ? smoothing.priorRatio()
                : (double) siteYes / siteVotes;
        String score = String.format(Locale.ROOT, "%.2f",
                smoothing.withPriorRatio(siteRatio).score(yes, no));
        return "<tr> <th scope=\"row\">" + revision + "</th> <td>" + yes + "</td> <td>" + no + "</td> <td>" + helpful
                + "</td> <td>" + score + "</td> </tr>";
    }

    private static String weekRow(LocalDate monday, long votes, int helpfulPercent) {
        return "<time datetime=\"" + monday + "\">" + WEEK.format(monday) + "</time></th> <td>" + votes + "</td> "
                + "<td><span>" + helpfulPercent + "%</span> <meter class=\"bar\" min=\"0\" max=\"100\" value=\""
                + helpfulPercent + "\" aria-hidden=\"true\"></meter></td>";
    }

    private static String emptyWeekRow(LocalDate monday) {
        return "<time datetime=\"" + monday + "\">" + WEEK.format(monday) + "</time></th> <td>0</td> "
                + "<td><span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">no votes</span></td>";
    }
}
