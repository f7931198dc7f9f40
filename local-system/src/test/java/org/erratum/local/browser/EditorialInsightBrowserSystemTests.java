package org.erratum.local.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.erratum.local.browser.RunningSystem.PublishedArticle;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TestClient;
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
 * An editor reads what readers say in a real browser (headless Chromium) on the running system: signs in to the
 * feedback service's editorial pages with the form, finds the article readers found unhelpful before its correction,
 * and sees the correction's effect per revision, week by week with the revision marked, and its reports. Each page
 * is checked with axe-core. The pages carry no script at all (their content policy allows none), so they work the
 * same without JavaScript.
 */
@ExtendWith(RunningSystem.class)
class EditorialInsightBrowserSystemTests {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TITLE = "Hay fever";

    private static RunningSystem system;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    private ChromeDriver browser;

    @BeforeAll
    static void connect(RunningSystem running) {
        system = running;
        Axe.requireInstalled();
    }

    @Test
    void anEditorSignsInAndSeesWhetherACorrectionHelped() {
        PublishedArticle article = system.publish(TITLE, "Antihistamine tablets help with sneezing. Take one "
                + "tablet every two hours.");
        vote(article, 1, false, 4);
        vote(article, 1, true, 1);
        Response report = system.feedbackApi().post("/api/feedback/reports", Map.of("articleId", article.id(),
                "revision", 1, "category", "INACCURATE", "passage", "every two hours",
                "comment", "My leaflet says once a day."));
        assertThat(report.status()).as(report.toString()).isEqualTo(202);
        editorCorrects(article);
        await().atMost(WAIT).until(() -> system.feedbackApi()
                .get("/api/feedback/articles/" + article.id() + "/revisions/2/helpfulness").status() == 200);
        vote(article, 2, true, 3);

        StaffPagesInBrowser editor = browsers.staff().open(system.services().feedback().baseUrl() + "/editorial");
        browser = editor.driver();
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        // back where the browser was going (Spring Security marks the redirect with "?continue")
        editor.signIn("editor", "editor-dev-password");
        assertThat(browser.getCurrentUrl()).contains("/editorial");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Editorial insight");
        // the votes reach the tallies and the readouts through Kafka: reload as an editor would
        editor.awaitAfterReloads(() -> !browser.findElements(insightLink(article)).isEmpty());
        assertThat(browser.findElement(By.id("least-helpful-chart")).getDomAttribute("role")).isEqualTo("img");
        assertThat(browser.findElement(By.cssSelector("nav.account a[href$='/editor']")).getDomAttribute("href"))
                .isEqualTo(system.services().content().baseUrl() + "/editor");
        assertThat(Axe.violations(browser)).isEmpty();
        editor.screenshot("editorial-overview");

        browser.findElement(insightLink(article)).click();
        editor.awaitPage(() -> browser.getCurrentUrl().endsWith("/editorial/articles/" + article.id()));
        editor.awaitAfterReloads(() -> revisionRow(2).get(3).equals("3"));
        assertThat(revisionRow(1)).containsExactly("1", today(), "First published (major)", "1", "4", "20%", "0.57");
        assertThat(revisionRow(2)).containsExactly("2 (current)", today(),
                "Corrected how often to take the tablets (major)", "3", "0", "100%", "0.81");
        assertThat(browser.findElements(By.cssSelector("#trend-chart g.marker text"))).extracting(WebElement::getText)
                .containsExactly("r1", "r2");
        assertThat(browser.findElement(By.cssSelector("#article-reports-table tbody tr")).getText())
                .startsWith("Last 7 days 1 1");
        assertThat(browser.findElement(By.cssSelector(".reports .comment")).getText())
                .isEqualTo("My leaflet says once a day.");
        assertThat(Axe.violations(browser)).isEmpty();
        editor.screenshot("editorial-article");
    }

    /** The cells of a revision's row in the per-revision table. */
    private List<String> revisionRow(int revision) {
        return browser.findElements(By.cssSelector("#revisions-table tbody tr:nth-child(" + revision + ") > *"))
                .stream().map(WebElement::getText).toList();
    }

    private static String today() {
        return DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK).format(LocalDate.now(ZoneOffset.UTC));
    }

    private static By insightLink(PublishedArticle article) {
        return By.cssSelector("#least-helpful-table a[href$='/editorial/articles/" + article.id() + "']");
    }

    private static void vote(PublishedArticle article, int revision, boolean helpful, int readers) {
        TestClient feedback = system.feedbackApi();
        for (int i = 0; i < readers; i++) {
            Response vote = feedback.post("/api/feedback/votes", Map.of("articleId", article.id(),
                    "revision", revision, "helpful", helpful));
            assertThat(vote.status()).as(vote.toString()).isEqualTo(202);
        }
    }

    private static void editorCorrects(PublishedArticle article) {
        JsonNode current = system.editor().get("/api/articles/" + article.id()).json();
        Response revised = system.editor().put("/api/articles/" + article.id(), Map.of(
                "expectedRevision", 1, "title", TITLE, "summary", current.get("summary"),
                "sections", List.of(Map.of("heading", "What to do", "body", "Antihistamine tablets help with "
                        + "sneezing. Take one tablet a day.")),
                "references", current.get("references"), "authors", current.get("authors"),
                "changeSummary", "Corrected how often to take the tablets", "significance", "MAJOR"));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
    }

}
