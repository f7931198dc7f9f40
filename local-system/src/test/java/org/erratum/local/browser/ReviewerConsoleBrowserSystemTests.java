package org.erratum.local.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.erratum.local.ReviewItems;
import org.erratum.local.browser.RunningSystem.PublishedArticle;
import org.erratum.testsupport.TestClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Medical reviewers work a reader's safety report through the review console in a real browser (headless
 * Chromium) on the running system, from the queue to the clinical sign-off, and the reader's article page shows
 * the new review. The console is plain HTML forms, so everything here is what a person does: fill in labelled
 * fields, choose options, press buttons and reload a page while waiting for another service.
 */
@ExtendWith(RunningSystem.class)
class ReviewerConsoleBrowserSystemTests {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TITLE = "Head lice and nits";
    private static final String PASSAGE = "Use the lotion once, and again after 3 days.";
    private static final String FIRST_TEXT = "Comb wet hair with a detection comb to find lice. " + PASSAGE
            + " Check everyone in the household.";
    private static final String NOTICE = "The treatment advice on this page is being checked by our clinicians.";

    private static RunningSystem system;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeAll
    static void connect(RunningSystem running) {
        Axe.requireInstalled();
        system = running;
    }

    @Test
    void reviewersWorkASafetyReportFromTheQueueToSignOff() {
        PublishedArticle article = system.publish(TITLE, FIRST_TEXT);
        String itemId = twoReadersReportTheSamePassage(article);

        StaffPagesInBrowser reviewer = browsers.staff();
        reviewer.openSignedIn(system.consoleUrl("/console"), "reviewer", "reviewer-dev-password");
        assertThat(reviewer.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Review queue");

        reviewer.choose("Severity", "Urgent");
        reviewer.choose("Source", "Reader report");
        reviewer.press("Apply filters");
        reviewer.awaitPage(() -> reviewer.driver().getCurrentUrl().contains("severity=URGENT"));
        assertThat(reviewer.driver().getCurrentUrl()).contains("source=READER_REPORT");
        // the review service names the article once content.articles has brought it; until then a reload shows its id
        reviewer.awaitAfterReloads(() -> TITLE.equals(rowLinkTo(reviewer, itemId).getText()));
        List<WebElement> rows = reviewer.driver().findElements(By.cssSelector("table.queue tbody tr"));
        assertThat(rows).extracting(row -> cell(row, 1)).containsOnly("Urgent");
        WebElement top = rows.get(0);
        assertThat(top.findElement(By.tagName("a")).getDomAttribute("href")).endsWith("/console/items/" + itemId);
        assertThat(cell(top, 3)).isEqualTo("Reader report");
        assertThat(cell(top, 4)).isEqualTo("2");
        assertThat(cell(top, 5)).isEqualTo("Open");
        assertThat(top.findElements(By.cssSelector("td.badges .badge"))).extracting(WebElement::getText)
                .satisfiesExactly(claim -> assertThat(claim).startsWith("Claim due "),
                        resolve -> assertThat(resolve).startsWith("Resolve due "));
        reviewer.screenshot("console-queue-urgent-reader-reports");

        top.findElement(By.linkText(TITLE)).click();
        reviewer.awaitPage(() -> reviewer.driver().getCurrentUrl().endsWith("/console/items/" + itemId));
        reviewer.press("Claim this item");
        reviewer.awaitPage(() -> reviewer.confirmation().startsWith("You claimed this item."));
        assertThat(reviewer.fact("State")).startsWith("Claimed by reviewer, claim holds until ");
        assertThat(reviewer.driver().findElements(By.cssSelector(".article-text mark"))).extracting(WebElement::getText)
                .containsExactly(PASSAGE);
        assertThat(reviewer.driver().findElements(By.cssSelector(".reports blockquote.passage")))
                .extracting(WebElement::getText).containsExactly(PASSAGE, PASSAGE);
        reviewer.screenshot("console-item-claimed-passage-highlighted");

        // a senior reviewer puts a notice on the article page at once, while the dose is checked
        StaffPagesInBrowser senior = browsers.staff();
        senior.openSignedIn(system.consoleUrl("/console/items/" + itemId), "senior", "senior-dev-password");
        senior.awaitPage(() -> senior.driver().getCurrentUrl().contains("/console/items/" + itemId));
        senior.field("Notice to show readers at once").sendKeys(NOTICE);
        senior.press("Show this notice on the article page");
        senior.awaitPage(() -> senior.confirmation().equals("Your safety notice is on its way to the article page."));
        assertThat(senior.driver().findElement(By.id("safety-notice")).getText()).isEqualTo(NOTICE);
        assertThat(Axe.violations(senior.driver())).isEmpty();
        senior.screenshot("console-item-safety-notice");

        editorPublishesRevision2(article);
        // the console accepts revision 2 as the fix once the review service has it from content.articles
        reviewer.awaitAfterReloads(() -> reviewer.fact("Article's latest revision").equals("2"));
        assertRevision2Diff(reviewer.driver().findElement(By.id("item-diff")));
        assertThat(Axe.violations(reviewer.driver())).isEmpty();
        reviewer.screenshot("console-item-diff");
        reviewer.labelled("Revised").click();
        assertThat(reviewer.field("Revised").isSelected()).isTrue();
        reviewer.field("Revision that fixed it").sendKeys("2");
        reviewer.field("Summary").sendKeys("Revision 2 gives the second application after 7 days, as the "
                + "product leaflet says.");
        reviewer.press("Resolve");
        reviewer.awaitPage(() -> reviewer.confirmation().equals("You resolved this item as Revised."));
        assertThat(reviewer.driver().findElement(By.cssSelector("[aria-labelledby=resolution-heading]")).getText())
                .contains("Revised by revision 2 — reviewer");

        senior.driver().navigate().refresh();
        assertThat(senior.driver().findElements(By.id("safety-notice"))).as("lifted with the resolution").isEmpty();
        senior.driver().findElement(By.linkText("Sign off this article's clinical review")).click();
        senior.awaitPage(() -> senior.driver().getCurrentUrl()
                .contains("/console/articles/" + article.id() + "/sign-off"));
        assertThat(senior.fact("Latest revision")).isEqualTo("2");
        assertThat(senior.fact("Last reviewed")).isEqualTo("Not yet clinically reviewed");
        assertThat(senior.field("Revision you reviewed").getDomProperty("value")).isEqualTo("2");
        assertThat(senior.field("Review item it concludes (optional)").getDomProperty("value")).isEqualTo(itemId);
        assertThat(senior.fact("Last signed off here")).isEqualTo("Never");
        assertThat(senior.driver().findElement(By.cssSelector("#sign-off-diff caption")).getText())
                .isEqualTo("Revision 2, all of it new to clinical review");
        assertThat(Axe.violations(senior.driver())).isEmpty();
        senior.screenshot("console-sign-off");
        senior.labelled("I reviewed the whole article, not only what changed").click();
        LocalDate signedOffOn = LocalDate.now(ZoneOffset.UTC);
        senior.press("Sign off");
        senior.awaitPage(() -> senior.confirmation().startsWith("You signed off revision 2 as clinically reviewed."));
        assertThat(senior.driver().findElements(By.cssSelector("table.activity tbody tr")))
                .extracting(row -> cell(row, 2) + " " + cell(row, 3))
                .containsExactly("reviewer claimed", "senior safety notice set", "reviewer safety notice lifted",
                        "reviewer resolved", "senior signed off");

        ChromeDriver reader = browsers.start(true);
        reader.get(system.articlePage(article.slug()));
        // the sign-off reaches the content service over review.decisions
        Browsers.awaitAfterReloads(reader, () -> reader.findElement(By.cssSelector(".reviewed-by")).getText()
                .equals("Medically reviewed by Dr Tomas Lindqvist, MD, FRCP"));
        WebElement lastReviewed = reader.findElement(By.cssSelector(".review-dates time"));
        assertThat(reader.findElement(By.cssSelector(".review-dates")).getText()).startsWith("Last reviewed on ");
        assertThat(LocalDate.parse(lastReviewed.getDomAttribute("datetime")))
                .isBetween(signedOffOn, LocalDate.now(ZoneOffset.UTC));
        assertThat(reader.findElement(By.tagName("article")).getDomAttribute("data-revision")).isEqualTo("2");
        Chromium.screenshot(reader, "article-after-console-sign-off");
    }

    /**
     * A senior reviewer signs off an article that was signed off before: the page shows what changed since, and the
     * sign-off waits for the confirmation that the whole article was reviewed.
     */
    @Test
    void aSeniorReviewerSeesWhatChangedSinceTheLastSignOffAndConfirmsTheWholeArticle() {
        PublishedArticle article = system.publish("Nits in the family", FIRST_TEXT);
        // once the review service knows the article from content.articles; every attempt is the same request
        String signOffKey = UUID.randomUUID().toString();
        await().atMost(WAIT).until(() -> system.senior().withHeader("Idempotency-Key", signOffKey)
                .post("/api/review/articles/" + article.id() + "/sign-off",
                        Map.of("revision", 1, "reviewedWholeArticle", true)).status() == 202);
        editorPublishesRevision2(article, "Nits in the family");

        StaffPagesInBrowser senior = browsers.staff();
        senior.openSignedIn(system.consoleUrl("/console/articles/" + article.id() + "/sign-off"), "senior",
                "senior-dev-password");
        senior.awaitAfterReloads(() -> senior.fact("Latest revision").equals("2"));
        assertThat(senior.fact("Last signed off here")).isEqualTo("Revision 1");
        assertRevision2Diff(senior.driver().findElement(By.id("sign-off-diff")));
        WebElement confirm = senior.field("I reviewed the whole article, not only what changed");
        assertThat(confirm.isSelected()).isFalse();
        assertThat(senior.driver().executeScript("return arguments[0].validity.valueMissing;", confirm))
                .as("the browser will not send the form without it").isEqualTo(true);
        assertThat(Axe.violations(senior.driver())).isEmpty();
        senior.screenshot("console-sign-off-diff");

        confirm.click();
        senior.press("Sign off");

        senior.awaitPage(() -> senior.confirmation().startsWith("You signed off revision 2 as clinically reviewed."));
    }

    /** The rich sample article's first group of treatments: a passage a reader selects over two of its sub-items. */
    @Test
    void aPassageSelectedAcrossListItemsIsHighlightedInEachItemInTheConsole() {
        PublishedArticle sample = new PublishedArticle("8e3b6f1a-2c4d-4b7e-9f10-6d2a5c8b9e07", "low-back-pain");
        ArticlePageInBrowser reader = browsers.reader(true).open(system.articlePage(sample.slug()));
        reader.selectAcross("do a little more each day.", "Avoid long periods of bed rest");
        reader.openReportForm();
        assertThat(reader.value(reader.byId("report-passage")))
                .isEqualTo("do a little more each day. Avoid long periods of bed rest");
        reader.choose("category-INACCURATE");
        reader.type("report-comment", "Some rest in the first days helped me; the page could say how much is fine.");
        reader.takeTimeToRead();
        reader.sendReport();
        assertThat(reader.awaitStatus()).isEqualTo("Thank you. Your report has gone to our medical reviewers.");
        String itemId = await().atMost(WAIT).until(() -> ReviewItems.forArticle(system.reviewer(), sample.id()),
                found -> found != null).get("id").asString();

        StaffPagesInBrowser reviewer = browsers.staff();
        reviewer.openSignedIn(system.consoleUrl("/console/items/" + itemId), "reviewer", "reviewer-dev-password");
        reviewer.awaitPage(() -> reviewer.driver().getCurrentUrl().contains("/console/items/" + itemId));

        assertThat(reviewer.driver().findElements(By.cssSelector(".article-text li mark")))
                .extracting(WebElement::getText)
                .containsExactly("do a little more each day.", "Avoid long periods of bed rest");
        assertThat(reviewer.driver().findElement(By.cssSelector(".reports .hint")).getText())
                .isEqualTo("Highlighted in the text below.");
        reviewer.screenshot("console-item-passage-across-list-items");
    }

    /**
     * Two reports outrank any single urgent report another browser test left in the shared queue, so this item is
     * the most pressing one.
     *
     * @return the review item the reports joined
     */
    private static String twoReadersReportTheSamePassage(PublishedArticle article) {
        for (String comment : List.of("The leaflet with my lotion says to repeat it after 7 days, not 3.",
                "Is 3 days right? Our pharmacist told us a week between treatments.")) {
            Response report = system.feedbackApi().post("/api/feedback/reports", Map.of("articleId", article.id(),
                    "revision", 1, "category", "SAFETY_CONCERN", "passage", PASSAGE, "comment", comment));
            assertThat(report.status()).as(report.toString()).isEqualTo(202);
        }
        JsonNode item = await().atMost(WAIT).until(() -> ReviewItems.forArticle(system.reviewer(), article.id()),
                found -> found != null && found.get("reportCount").asInt() == 2);
        return item.get("id").asString();
    }

    private static void editorPublishesRevision2(PublishedArticle article) {
        editorPublishesRevision2(article, TITLE);
    }

    private static void editorPublishesRevision2(PublishedArticle article, String title) {
        JsonNode current = system.editor().get("/api/articles/" + article.id()).json();
        Response revised = system.editor().put("/api/articles/" + article.id(), Map.of(
                "expectedRevision", 1, "title", title, "summary", current.get("summary"),
                "sections", List.of(Map.of("heading", "What to do", "body", "Comb wet hair with a detection comb "
                        + "to find lice. Use the lotion once, and again after 7 days. Check everyone in the "
                        + "household.")),
                "references", current.get("references"), "authors", current.get("authors"),
                "changeSummary", "Corrected the time between the two applications", "significance", "MAJOR"));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
    }

    /** Revision 2 gives 7 days for 3, and drops the section on when to get help: both shown, not coloured only. */
    private static void assertRevision2Diff(WebElement diff) {
        assertThat(diff.findElement(By.tagName("caption")).getText())
                .isEqualTo("From revision 1 to revision 2: 3 blocks added, removed or changed");
        assertThat(diff.findElements(By.tagName("ins"))).extracting(WebElement::getText).containsExactly("7");
        assertThat(diff.findElements(By.tagName("del"))).extracting(WebElement::getText)
                .containsExactly("3", "When to get help", "Speak to a pharmacist if it has not improved after a week.");
        assertThat(diff.findElements(By.cssSelector("tbody th"))).extracting(WebElement::getText)
                .containsExactly("Unchanged", "Changed", "Removed", "Removed");
    }

    private static WebElement rowLinkTo(StaffPagesInBrowser browser, String itemId) {
        return browser.driver().findElement(By.cssSelector("table.queue a[href$='/console/items/" + itemId + "']"));
    }

    private static String cell(WebElement row, int column) {
        return row.findElement(By.xpath("./td[" + column + "]")).getText();
    }
}
