package org.erratum.local.browser;

import java.time.Duration;

import org.erratum.local.browser.RunningSystem.PublishedArticle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * axe-core checks the reader's pages against WCAG 2.x A and AA in each state a reader can bring them to: as
 * loaded, with the report form open, showing an error summary, and after the thank-you.
 */
@ExtendWith(RunningSystem.class)
class ArticlePageAccessibilityBrowserSystemTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static RunningSystem system;
    private static ArticlePageInBrowser reader;
    private static PublishedArticle article;

    @BeforeAll
    static void openBrowser(RunningSystem running) {
        Axe.requireInstalled();
        system = running;
        article = system.publish("Sore throat", "Most sore throats get better on their own within a week. "
                + "Drink plenty of water and rest.");
        reader = new ArticlePageInBrowser(Chromium.start(true));
    }

    @AfterAll
    static void closeBrowser() {
        if (reader != null) {
            reader.driver().quit();
        }
    }

    /** The checks below pass only because the page is right, not because axe found nothing to look at. */
    @Test
    void axeReportsAViolationWhenThereIsOne() {
        reader.open(system.articlePage(article.slug()));
        reader.script("document.querySelector('.vote-form').appendChild(document.createElement('input'));");

        assertThat(Axe.violations(reader.driver())).anySatisfy(violation -> assertThat(violation).startsWith("label "));
    }

    @Test
    void indexPageHasNoViolations() {
        reader.open(system.services().content().baseUrl() + "/");

        assertThat(Axe.violations(reader.driver())).isEmpty();
    }

    @Test
    void articlePageAsLoadedHasNoViolations() {
        reader.open(system.articlePage("paracetamol-for-adults"));
        reader.screenshot("article-page");

        assertThat(Axe.violations(reader.driver())).isEmpty();
    }

    /** Sub-headings, nested lists, a callout and citation links, as a real health page has them. */
    @Test
    void richArticlePageHasNoViolations() {
        reader.open(system.articlePage("low-back-pain"));
        reader.screenshot("article-page-rich");

        assertThat(Axe.violations(reader.driver())).isEmpty();
    }

    @Test
    void openReportFormAndReasonsHaveNoViolations() {
        reader.open(system.articlePage(article.slug()));
        reader.choose("helpful-no");
        reader.openReportForm();

        assertThat(Axe.violations(reader.driver())).isEmpty();
    }

    @Test
    void errorSummaryFromTheFeedbackServiceHasNoViolations() {
        reader.open(system.articlePage(article.slug()));
        reader.openReportForm();
        reader.type("report-email", "not-an-address");
        reader.sendReport();
        await().atMost(WAIT).until(() -> !reader.errorSummary().isEmpty());

        assertThat(Axe.violations(reader.driver())).isEmpty();
    }

    @Test
    void errorSummaryAfterARedirectBackHasNoViolations() {
        reader.open(system.articlePage(article.slug()) + "?feedback=invalid&field=comment&field=contactConsent#feedback");
        assertThat(reader.errorSummary()).hasSize(2);
        reader.screenshot("article-redirected-back-invalid");

        assertThat(Axe.violations(reader.driver())).isEmpty();
    }

    @Test
    void thankYouHasNoViolations() {
        reader.open(system.articlePage(article.slug()) + "?feedback=thanks#feedback");
        assertThat(reader.status()).isEqualTo("Thank you for your feedback.");

        assertThat(Axe.violations(reader.driver())).isEmpty();
    }
}
