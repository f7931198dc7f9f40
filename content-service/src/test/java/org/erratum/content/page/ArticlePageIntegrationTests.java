package org.erratum.content.page;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bson.Document;
import org.erratum.content.ContentApi;
import org.erratum.events.ArticleSignedOff;
import org.erratum.events.Reviewer;
import org.erratum.events.Topics;
import org.erratum.platform.web.FormTokens;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.erratum.content.ContentApi.newArticle;
import static org.erratum.content.ContentApi.revision;

@IntegrationTest
class ArticlePageIntegrationTests {

    private static final String SAMPLE_ID = "5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41";
    private static final String SAMPLE_PAGE = "/articles/paracetamol-for-adults";
    private static final String RICH_SAMPLE_PAGE = "/articles/low-back-pain";
    private static final DateTimeFormatter IN_WORDS = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    @LocalServerPort
    int port;

    @Autowired
    FormTokens formTokens;

    @Autowired
    MongoTemplate mongo;

    ContentApi api;

    @BeforeEach
    void connect() {
        api = new ContentApi(port);
    }

    @Test
    void samplePageShowsTheArticleItsReferencesDisclaimerAndFeedbackForms() {
        String html = page(SAMPLE_PAGE);

        assertThat(html).contains("<h1>Paracetamol for adults: how to take it safely</h1>")
                .contains("<h2 id=\"section-2\">How much to take</h2>")
                .contains("<ol class=\"references\">")
                .contains("href=\"https://www.nhs.uk/medicines/paracetamol-for-adults/\"")
                .contains("British National Formulary")
                .contains("not medical advice")
                .contains("data-article-id=\"" + SAMPLE_ID + "\"")
                .contains("data-revision=\"1\"")
                .contains("action=\"http://localhost:8082/feedback/votes\"")
                .contains("data-api=\"http://localhost:8082/api/feedback/votes\"")
                .contains("action=\"http://localhost:8082/feedback/reports\"")
                .contains("data-api=\"http://localhost:8082/api/feedback/reports\"")
                .contains("<legend>Was this article helpful?</legend>")
                .contains("<input type=\"radio\" id=\"helpful-no\" name=\"helpful\" value=\"false\"")
                .contains("<input type=\"radio\" name=\"reason\" id=\"reason-OUT_OF_DATE\" value=\"OUT_OF_DATE\"")
                .contains("<summary>Report a problem with this page</summary>")
                .contains("<legend>What kind of problem is it?</legend>")
                .contains("id=\"category-SAFETY_CONCERN\" value=\"SAFETY_CONCERN\"")
                .contains("<label for=\"report-passage\">")
                .contains("<label for=\"report-comment\">")
                .contains("<input type=\"email\" id=\"report-email\" name=\"contactEmail\"")
                .contains("<input type=\"checkbox\" id=\"report-consent\" name=\"contactConsent\" value=\"true\"")
                .contains("only to tell me the outcome of this report")
                .contains("role=\"status\" aria-live=\"polite\"")
                .contains("<script src=\"/js/feedback.js\" defer></script>")
                .doesNotContain("_csrf");
        assertThat(occurrences(html, "<input type=\"hidden\" name=\"articleId\" value=\"" + SAMPLE_ID + "\">"))
                .isEqualTo(2);
        assertThat(occurrences(html, "<input type=\"hidden\" name=\"revision\" value=\"1\">")).isEqualTo(2);
    }

    @Test
    void bothFormsCarryAFreshFormTokenSignedForTheArticle() {
        Instant before = Instant.now();

        List<String> tokens = hiddenValues(page(SAMPLE_PAGE), "formToken");

        assertThat(tokens).hasSize(2).containsOnly(tokens.get(0));
        assertThat(formTokens.age(tokens.get(0), SAMPLE_ID, Instant.now()))
                .isLessThanOrEqualTo(Duration.between(before, Instant.now()).plusSeconds(1));
    }

    @Test
    void bothFormsCarryAnEmptyHoneypotThatPeopleAndKeyboardsSkip() {
        String html = page(SAMPLE_PAGE);

        assertThat(occurrences(html, "name=\"website\" value=\"\" tabindex=\"-1\" autocomplete=\"off\""))
                .isEqualTo(2);
        assertThat(occurrences(html, "<div class=\"honeypot\" aria-hidden=\"true\">")).isEqualTo(2);
    }

    @Test
    void thankYouRedirectIsConfirmedInTheLiveRegion() {
        String html = page(SAMPLE_PAGE + "?feedback=thanks");

        assertThat(html).contains("role=\"status\" aria-live=\"polite\" tabindex=\"-1\">Thank you for your "
                + "feedback.</div>")
                .containsPattern("id=\"feedback-errors\" [^>]*hidden");
    }

    @Test
    void rejectedFieldsFromARedirectAreSummarisedWithLinksToTheirControls() {
        String html = page(SAMPLE_PAGE + "?feedback=invalid&field=contactConsent&field=comment");

        assertThat(html).doesNotContainPattern("id=\"feedback-errors\" [^>]*hidden")
                .contains("<a href=\"#report-comment\">Tell us what is wrong, in 2,000 characters or fewer</a>")
                .contains("<a href=\"#report-consent\">Tick the box to agree to be emailed")
                .containsPattern("<textarea id=\"report-comment\" [^>]*aria-invalid=\"true\"")
                .doesNotContainPattern("<textarea id=\"report-passage\" [^>]*aria-invalid")
                .contains("<details id=\"report\" class=\"report\" open=\"open\">")
                .doesNotContain("Thank you for your feedback.</div>");
        assertThat(html.indexOf("#report-comment\"")).isLessThan(html.indexOf("#report-consent\""));
        assertThat(html).contains("<p class=\"field-error\" id=\"report-comment-error\">Tell us what is wrong");
    }

    @Test
    void problemsWithHiddenFieldsAskTheReaderToReload() {
        String html = page(SAMPLE_PAGE + "?feedback=invalid&field=formToken");

        assertThat(html).contains("<span>Something went wrong with this form. Reload the page and try again.</span>")
                .contains("<details id=\"report\" class=\"report\">");
    }

    @Test
    void unknownFeedbackOutcomesShowNothing() {
        String html = page(SAMPLE_PAGE + "?feedback=%3Cscript%3E&field=%3Cb%3E");

        assertThat(html).containsPattern("id=\"feedback-errors\" [^>]*hidden")
                .doesNotContain("<script>").doesNotContain("<b>")
                .contains("aria-live=\"polite\" tabindex=\"-1\"></div>");
    }

    @Test
    void feedbackScriptIsServed() {
        Response response = api.reader().getText("/js/feedback.js");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("credentials: \"include\"").doesNotContain("innerHTML");
    }

    @Test
    void readingAnArticleSetsNoCookie() {
        Response response = api.reader().getText(SAMPLE_PAGE);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void whenSampleIsSignedOffThenItsPageShowsTheReviewerAndReviewDates() {
        Instant reviewedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var signOff = new ArticleSignedOff(UUID.randomUUID(), reviewedAt, SAMPLE_ID, 1,
                new Reviewer("Dr Page Example", "MBBS, FRCP"), reviewedAt, null);
        TopicProbe.send(Topics.DECISIONS, SAMPLE_ID, ContentApi.JSON.writeValueAsString(signOff),
                Map.of("ce_id", signOff.eventId().toString(), "ce_type", "erratum.review.article-signed-off.v1",
                        "ce_source", "/erratum/review-service", "ce_time", reviewedAt.toString(),
                        "ce_subject", SAMPLE_ID, "ce_specversion", "1.0"));

        String html = await().atMost(Duration.ofSeconds(60)).until(() -> page(SAMPLE_PAGE),
                page -> page.contains("Dr Page Example"));

        LocalDate reviewDay = LocalDate.ofInstant(reviewedAt, ZoneOffset.UTC);
        LocalDate due = reviewDay.plusMonths(24);
        assertThat(html).contains("Medically reviewed by Dr Page Example, MBBS, FRCP")
                .doesNotContain("Not yet medically reviewed")
                .contains("Last reviewed on <time datetime=\"" + reviewDay + "\">" + IN_WORDS.format(reviewDay)
                        + "</time> · Next review due <time datetime=\"" + due + "\">" + IN_WORDS.format(due)
                        + "</time>")
                .containsPattern("Last modified on <time datetime=\"\\d{4}-\\d{2}-\\d{2}\">\\d{1,2} \\w+ \\d{4}</time>");
    }

    @Test
    void whenNoClinicianHasSignedOffThenThePageSaysSoAndShowsWhenReviewIsDue() {
        var created = api.createArticle(newArticle("Chickenpox"));

        String html = page("/articles/" + created.get("slug").asString());

        LocalDate due = LocalDate.parse(created.get("nextReviewDue").asString());
        assertThat(html).contains("Not yet medically reviewed")
                .doesNotContain("Medically reviewed by")
                .doesNotContain("Last reviewed on")
                .contains("Next review due <time datetime=\"" + due + "\">" + IN_WORDS.format(due) + "</time>");
    }

    @Test
    void textFromEditorsIsEscapedNotRendered() {
        var body = newArticle("<script>alert('owned')</script> Headache");
        body.putArray("sections").addObject().put("heading", "<b>Bold</b>")
                .put("body", "&lt;script&gt;alert(1)&lt;/script&gt; and 1 < 2 > 0 & a\\<img src=x onerror=y>");
        var created = api.createArticle(body);

        String html = page("/articles/" + created.get("slug").asString());

        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src").doesNotContain("<b>Bold")
                .contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; Headache")
                .contains("&lt;b&gt;Bold&lt;/b&gt;")
                .contains("<p>&lt;script&gt;alert(1)&lt;/script&gt; and 1 &lt; 2 &gt; 0 &amp; a&lt;img src&#61;x"
                        + " onerror&#61;y&gt;</p>");
    }

    @Test
    void theRichSampleShowsItsBlocksAsSemanticHtml() {
        String html = page(RICH_SAMPLE_PAGE);

        assertThat(html).contains("<h1>Low back pain: what helps and when to get help</h1>")
                .contains("<h2 id=\"section-2\">What helps</h2>")
                .contains("<ol><li><strong>Keep active</strong><ol><li>Carry on with your daily activities")
                .contains("<li><strong>Ease the pain</strong><ol>")
                .contains("<aside class=\"callout\" role=\"note\" aria-labelledby=\"callout-3-1\">"
                        + "<h3 class=\"callout-title\" id=\"callout-3-1\">Get help now</h3>"
                        + "<p>Call 999 or go to A&amp;E if you have back pain and any of these:</p><ul><li>")
                .contains("<h3>See a GP if</h3><ul><li>the pain has not improved");
        assertThat(occurrences(html, "<p>")).as("several paragraphs").isGreaterThanOrEqualTo(10);
        assertThat(headingLevels(html)).as("no heading level is skipped").startsWith(1, 2)
                .satisfies(levels -> {
                    for (int i = 1; i < levels.size(); i++) {
                        assertThat(levels.get(i)).isLessThanOrEqualTo(levels.get(i - 1) + 1);
                    }
                });
    }

    @Test
    void citationsLinkToTheirReferenceAndEachReferenceLinksBackToWhereItIsCited() {
        String html = page(RICH_SAMPLE_PAGE);

        assertThat(html).contains("most people have it at some point in their lives <span class=\"citation\">("
                        + "<a href=\"#ref-1\" id=\"cite-1-1\" aria-label=\"Reference 1\">1</a>, "
                        + "<a href=\"#ref-2\" id=\"cite-2-1\" aria-label=\"Reference 2\">2</a>)</span>.")
                .containsPattern("<li id=\"ref-3\"> <span>Dahm KT[^<]*</span> <a href=\"https://doi.org/10.1002/"
                        + "14651858.CD007612.pub2\"[^>]*>[^<]*</a> <span class=\"cited-in\">Cited in: "
                        + "<a href=\"#cite-3-1\">What helps</a></span>")
                .contains("<span class=\"cited-in\">Cited in: <a href=\"#cite-1-1\">About low back pain</a>, "
                        + "<a href=\"#cite-1-3\">What helps</a>, <a href=\"#cite-1-5\">When to get help</a></span>");
        for (String target : Pattern.compile("href=\"#((?:ref|cite)-[0-9-]+)\"").matcher(html).results()
                .map(match -> match.group(1)).toList()) {
            assertThat(occurrences(html, "id=\"" + target + "\"")).as("#%s is on the page once", target).isEqualTo(1);
        }
    }

    @Test
    void anArticleStoredBeforeTheBodyFormatStillRendersAndIsAnnouncedWithItsBodyAsOneParagraph() {
        String id = UUID.randomUUID().toString();
        String slug = "stored-" + id.substring(0, 8);
        Instant at = Instant.parse("2025-06-01T10:00:00Z");
        // the document exactly as the service stored it before: a section was a heading and one plain body
        mongo.getCollection("articles").insertOne(new Document(Map.ofEntries(
                Map.entry("_id", id), Map.entry("slug", slug), Map.entry("title", "Stored earlier"),
                Map.entry("summary", "Written before the body format."),
                Map.entry("sections", List.of(new Document(Map.of("heading", "Dose",
                        "body", "Take 1 * 500 mg <b>tablet</b> [1], see A&E.")))),
                Map.entry("references", List.of()), Map.entry("authors", List.of("Earlier editor")),
                Map.entry("revision", 1), Map.entry("version", 1L),
                Map.entry("latestRevision", new Document(Map.of("revision", 1, "changeSummary", "First published",
                        "significance", "MAJOR", "editor", "editor", "at", Date.from(at)))),
                Map.entry("publishedAt", Date.from(at)), Map.entry("lastModifiedAt", Date.from(at)),
                Map.entry("nextReviewDue", Date.from(Instant.parse("2027-06-01T00:00:00Z"))),
                Map.entry("reviewIntervalMonths", 24), Map.entry("lastChange", "CREATED"),
                Map.entry("changedAt", Date.from(at)), Map.entry("announcePending", true))));

        String html = page("/articles/" + slug);

        assertThat(html).contains("<h2 id=\"section-1\">Dose</h2> <p>Take 1 * 500 mg &lt;b&gt;tablet&lt;/b&gt; [1],"
                + " see A&amp;E.</p> </section>");
        assertThat(api.getArticle(id).get("sections").get(0).get("body").asString())
                .isEqualTo("Take 1 * 500 mg <b>tablet</b> [1], see A&E.");
        var announced = TopicProbe.awaitRecord(Topics.ARTICLES, record -> id.equals(record.key()));
        assertThat(ContentApi.JSON.readTree(announced.value()).get("sections").get(0).get("blocks").toString())
                .isEqualTo("[{\"type\":\"PARAGRAPH\",\"text\":\"Take 1 * 500 mg <b>tablet</b> [1], see A&E.\","
                        + "\"blocks\":[]}]");
    }

    @Test
    void correctionsLogListsMajorRevisionsAfterTheFirstOnly() {
        var created = api.createArticle(newArticle("Migraine"));
        String id = created.get("id").asString();
        api.editor().put("/api/articles/" + id, revision(1, "Migraine", "Corrected the maximum daily dose", "MAJOR"));
        api.editor().put("/api/articles/" + id, revision(2, "Migraine", "Fixed a typo", "MINOR"));

        String html = page("/articles/" + created.get("slug").asString());

        String today = IN_WORDS.format(LocalDate.now(ZoneOffset.UTC));
        assertThat(html).contains("Updated on <time datetime=\"" + LocalDate.now(ZoneOffset.UTC) + "\">" + today
                        + "</time>: <span>Corrected the maximum daily dose</span>")
                .doesNotContain("Fixed a typo")
                .doesNotContain("First published")
                .contains("data-revision=\"3\"");
    }

    @Test
    void homePageLinksToEveryArticle() {
        String html = page("/");

        assertThat(html).contains("<a href=\"/articles/paracetamol-for-adults\">"
                + "Paracetamol for adults: how to take it safely</a>")
                .contains("<a href=\"/articles/low-back-pain\">Low back pain: what helps and when to get help</a>");
    }

    @Test
    void unknownArticlePageIsNotFound() {
        Response response = api.reader().getText("/articles/no-such-article");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found");
    }

    @Test
    void sampleArticleIsServedByTheApiUnderItsFixedId() {
        var sample = api.getArticle(SAMPLE_ID);

        assertThat(sample.get("slug").asString()).isEqualTo("paracetamol-for-adults");
        assertThat(sample.get("sections")).hasSizeBetween(4, 5);
        assertThat(sample.get("references")).hasSize(3);
        var rich = api.getArticle("8e3b6f1a-2c4d-4b7e-9f10-6d2a5c8b9e07");
        assertThat(rich.get("slug").asString()).isEqualTo("low-back-pain");
        assertThat(rich.get("references")).hasSizeGreaterThanOrEqualTo(3);
    }

    private static List<Integer> headingLevels(String html) {
        return Pattern.compile("<h([1-6])[ >]").matcher(html).results().map(match -> Integer.parseInt(match.group(1)))
                .toList();
    }

    private static int occurrences(String html, String text) {
        return html.split(Pattern.quote(text), -1).length - 1;
    }

    private static List<String> hiddenValues(String html, String name) {
        return Pattern.compile("<input type=\"hidden\" name=\"" + name + "\" value=\"([^\"]*)\">").matcher(html)
                .results().map(match -> match.group(1)).toList();
    }

    /** The page with runs of whitespace folded to one space, so assertions read like the rendered text. */
    private String page(String path) {
        Response response = api.reader().getText(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        return response.body().replaceAll("\\s+", " ");
    }
}
