package org.erratum.local.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.erratum.local.ReviewItems;
import org.erratum.local.browser.RunningSystem.PublishedArticle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reader gives feedback in a real browser (headless Chromium) on the running system: with JavaScript (JSON
 * calls, no reload), without it (plain form posts and a redirect back, also when the feedback service refuses the
 * form: the browser's own checks bypassed, as an old browser or a hand-made post would), and with the keyboard
 * alone. Every journey is checked where it ends up: the helpfulness tally of the feedback service, the review queue,
 * or, for a refused form, the feedback service's export holding nothing about the article.
 */
@ExtendWith(RunningSystem.class)
class ReaderFeedbackBrowserSystemTests {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String DOSE = "Give 5 ml every 4 hours, and no more than 4 doses in 24 hours.";

    private static RunningSystem system;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    private ArticlePageInBrowser reader;

    @BeforeAll
    static void connect(RunningSystem running) {
        system = running;
    }

    @Test
    void readerVotesYesWithoutThePageReloading() {
        PublishedArticle article = publish();
        reader = browsers.reader(true).open(system.articlePage(article.slug()));
        reader.markThisPageLoad();
        reader.takeTimeToRead();

        reader.choose("helpful-yes");
        assertThat(reader.reasonsShown()).as("reasons only after No").isFalse();
        reader.sendVote();

        assertThat(reader.awaitStatus()).isEqualTo("Thank you for your feedback.");
        assertThat(reader.isTheSamePageLoad()).as("no reload").isTrue();
        assertThat(reader.byId("helpful-yes").isDisplayed()).as("the answered question is gone").isFalse();
        reader.screenshot("article-after-yes-vote");
        JsonNode tally = awaitVotes(article, 1);
        assertThat(tally.get("yes").asInt()).isEqualTo(1);
        assertThat(tally.get("no").asInt()).isZero();
    }

    @Test
    void readerVotesNoWithAReason() {
        PublishedArticle article = publish();
        reader = browsers.reader(true).open(system.articlePage(article.slug()));
        reader.markThisPageLoad();
        reader.takeTimeToRead();

        reader.choose("helpful-no");
        assertThat(reader.reasonsShown()).isTrue();
        reader.choose("reason-OUT_OF_DATE");
        reader.sendVote();

        assertThat(reader.awaitStatus()).isEqualTo("Thank you for your feedback.");
        assertThat(reader.isTheSamePageLoad()).isTrue();
        JsonNode tally = awaitVotes(article, 1);
        assertThat(tally.get("no").asInt()).isEqualTo(1);
        assertThat(tally.get("reasons").get("OUT_OF_DATE").asInt()).isEqualTo(1);
    }

    @Test
    void readerReportsThePassageTheySelected() {
        PublishedArticle article = publish();
        reader = browsers.reader(true).open(system.articlePage(article.slug()));
        reader.markThisPageLoad();

        reader.selectInArticle(DOSE);
        reader.openReportForm();
        assertThat(reader.value(reader.byId("report-passage"))).isEqualTo(DOSE);
        reader.choose("category-SAFETY_CONCERN");
        reader.type("report-comment", "This dose is for older children only; the page should say so.");
        reader.screenshot("article-report-form");
        reader.takeTimeToRead();
        reader.sendReport();

        assertThat(reader.awaitStatus()).isEqualTo("Thank you. Your report has gone to our medical reviewers.");
        assertThat(reader.isTheSamePageLoad()).isTrue();
        reader.screenshot("article-after-report");
        JsonNode report = awaitReport(article);
        assertThat(report.get("category").asString()).isEqualTo("SAFETY_CONCERN");
        assertThat(report.get("passage").asString()).isEqualTo(DOSE);
        assertThat(report.get("revision").asInt()).isEqualTo(1);
    }

    @Test
    void rejectedReportShowsAnErrorSummaryThatLeadsToTheField() {
        PublishedArticle article = publish();
        reader = browsers.reader(true).open(system.articlePage(article.slug()));
        reader.openReportForm();
        reader.choose("category-OTHER");
        reader.takeTimeToRead();

        reader.sendReport(); // without saying what is wrong

        await().atMost(WAIT).until(() -> !reader.errorSummary().isEmpty());
        assertThat(reader.errorSummary()).containsExactly("Tell us what is wrong, in 2,000 characters or fewer");
        assertThat(reader.focusedId()).isEqualTo("feedback-errors");
        assertThat(reader.byId("report-comment").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(reader.byId("report-comment-error").getText()).startsWith("Tell us what is wrong");
        assertThat(reader.status()).isEmpty();
        reader.screenshot("article-report-error");

        reader.webDriver().findElement(By.linkText(
                "Tell us what is wrong, in 2,000 characters or fewer")).click();
        assertThat(reader.focusedId()).isEqualTo("report-comment");
    }

    @Test
    void withoutJavaScriptAYesVoteIsAFormPostThatComesBackWithThanks() {
        PublishedArticle article = publish();
        reader = browsers.reader(false).open(system.articlePage(article.slug()));
        assertThat(reader.reasonsShown()).as("no script hides the reasons").isTrue();
        reader.takeTimeToRead();

        reader.choose("helpful-yes");
        reader.sendVote();

        awaitRedirectBackWithThanks(article);
        JsonNode tally = awaitVotes(article, 1);
        assertThat(tally.get("yes").asInt()).isEqualTo(1);
    }

    @Test
    void withoutJavaScriptANoVoteCarriesItsReason() {
        PublishedArticle article = publish();
        reader = browsers.reader(false).open(system.articlePage(article.slug()));
        reader.takeTimeToRead();

        reader.choose("helpful-no");
        reader.choose("reason-CONFUSING");
        reader.sendVote();

        awaitRedirectBackWithThanks(article);
        reader.screenshot("article-no-javascript-thanks");
        JsonNode tally = awaitVotes(article, 1);
        assertThat(tally.get("no").asInt()).isEqualTo(1);
        assertThat(tally.get("reasons").get("CONFUSING").asInt()).isEqualTo(1);
    }

    @Test
    void withoutJavaScriptAReportCarriesThePastedPassage() {
        PublishedArticle article = publish();
        reader = browsers.reader(false).open(system.articlePage(article.slug()));
        reader.openReportForm();

        reader.type("report-passage", DOSE);
        reader.choose("category-INACCURATE");
        reader.type("report-comment", "Four doses in a day is too many for a toddler, please check this.");
        reader.takeTimeToRead();
        reader.sendReport();

        awaitRedirectBackWithThanks(article);
        JsonNode report = awaitReport(article);
        assertThat(report.get("category").asString()).isEqualTo("INACCURATE");
        assertThat(report.get("passage").asString()).isEqualTo(DOSE);
    }

    @Test
    void withoutJavaScriptAnEmailWithoutConsentComesBackAskingForTheTick() {
        PublishedArticle article = publish();
        reader = browsers.reader(false).open(system.articlePage(article.slug()));
        reader.openReportForm();
        reader.choose("category-INACCURATE");
        reader.type("report-comment", "Four doses in a day is too many for a toddler, please check this.");
        reader.type("report-email", "reader@example.org");
        reader.takeTimeToRead();

        reader.sendReport();

        awaitRedirectBackRefusing(article, "contactConsent");
        assertThat(reader.errorSummary()).containsExactly("Tick the box to agree to be emailed about the outcome,"
                + " or leave the email address empty");
        assertThat(reader.byId("report-consent-error").getText()).startsWith("Tick the box");
        assertThat(reader.byId("report-consent").getAttribute("aria-invalid")).isEqualTo("true");
        reader.screenshot("article-no-javascript-refused-consent");
        assertNothingStoredAbout(article);
    }

    @Test
    void withoutJavaScriptACommentOverTheLimitComesBackNamingIt() {
        PublishedArticle article = publish();
        reader = browsers.reader(false).open(system.articlePage(article.slug()));
        reader.openReportForm();
        reader.choose("category-OTHER");
        reader.bypassTheBrowsersOwnChecks();
        reader.fill("report-comment", "The dose is wrong. ".repeat(106)); // 2,014 characters
        reader.takeTimeToRead();

        reader.sendReport();

        awaitRedirectBackRefusing(article, "comment");
        assertThat(reader.errorSummary()).containsExactly("Tell us what is wrong, in 2,000 characters or fewer");
        assertThat(reader.byId("report-comment").getAttribute("aria-invalid")).isEqualTo("true");
        assertNothingStoredAbout(article);
    }

    @Test
    void withoutJavaScriptAReportWithoutACategoryComesBackNamingIt() {
        PublishedArticle article = publish();
        reader = browsers.reader(false).open(system.articlePage(article.slug()));
        reader.openReportForm();
        reader.bypassTheBrowsersOwnChecks();
        reader.type("report-comment", "The second table gives a different dose from the first one.");
        reader.takeTimeToRead();

        reader.sendReport();

        awaitRedirectBackRefusing(article, "category");
        assertThat(reader.errorSummary()).containsExactly("Choose what kind of problem it is");
        assertThat(reader.byId("category-error").getText()).isEqualTo("Choose what kind of problem it is");
        assertNothingStoredAbout(article);
    }

    @Test
    void aReaderUsingOnlyTheKeyboardCanVoteAndReport() {
        PublishedArticle article = publish();
        reader = browsers.reader(true).open(system.articlePage(article.slug()));

        reader.tabTo("#helpful-yes");
        reader.press(Keys.SPACE);
        reader.tabTo(".vote-form button[type=submit]");
        reader.takeTimeToRead();
        reader.press(Keys.ENTER);
        assertThat(reader.awaitStatus()).isEqualTo("Thank you for your feedback.");
        assertThat(reader.focusedId()).isEqualTo("feedback-status");

        reader.tabTo("#report > summary");
        reader.press(Keys.ENTER);
        reader.tabTo("#category-INACCURATE");
        reader.press(Keys.SPACE);
        reader.press(Keys.TAB);
        assertThat(reader.focusedId()).isEqualTo("report-passage");
        reader.press("every 4 hours");
        reader.press(Keys.TAB);
        assertThat(reader.focusedId()).isEqualTo("report-comment");
        reader.press("The page should say how long to keep giving it before seeing a doctor.");
        reader.tabTo(".report-form button[type=submit]");
        reader.press(Keys.SPACE);

        assertThat(reader.awaitStatus()).isEqualTo("Thank you. Your report has gone to our medical reviewers.");
        assertThat(awaitVotes(article, 1).get("yes").asInt()).isEqualTo(1);
        JsonNode report = awaitReport(article);
        assertThat(report.get("category").asString()).isEqualTo("INACCURATE");
        assertThat(report.get("passage").asString()).isEqualTo("every 4 hours");
    }

    private static PublishedArticle publish() {
        return system.publish("Fever in children", "Most fevers are the body fighting an infection. " + DOSE
                + " Offer plenty of fluids.");
    }

    private void awaitRedirectBackWithThanks(PublishedArticle article) {
        await().atMost(WAIT).until(() -> reader.driver().getCurrentUrl(),
                url -> url.startsWith(system.articlePage(article.slug()) + "?feedback=thanks"));
        assertThat(reader.driver().getCurrentUrl()).endsWith("#feedback");
        assertThat(reader.status()).isEqualTo("Thank you for your feedback.");
    }

    /**
     * The browser followed the feedback service's redirect (the test never opens that address itself) back to the
     * article, which names the refused field.
     */
    private void awaitRedirectBackRefusing(PublishedArticle article, String field) {
        await().atMost(WAIT).until(() -> reader.driver().getCurrentUrl(),
                url -> url.startsWith(system.articlePage(article.slug()) + "?feedback=invalid"));
        assertThat(reader.driver().getCurrentUrl()).endsWith("&field=" + field + "#feedback");
        assertThat(reader.status()).as("no thank-you").isEmpty();
    }

    /** The feedback service's own record of what it accepted, spam included: nothing about the article. */
    private static void assertNothingStoredAbout(PublishedArticle article) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        var export = system.feedbackEditor()
                .getText("/api/editorial/feedback.csv?from=" + today.minusDays(1) + "&to=" + today.plusDays(1));
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).as("accepted feedback").doesNotContain(article.id());
    }

    private static JsonNode awaitVotes(PublishedArticle article, int votes) {
        return await().atMost(WAIT).until(() -> system.feedbackApi().get(article.helpfulnessPath()).json(),
                tally -> tally.get("yes").asInt() + tally.get("no").asInt() == votes);
    }

    /** The one report on the article, as the review queue shows it to a reviewer. */
    private static JsonNode awaitReport(PublishedArticle article) {
        JsonNode item = await().atMost(WAIT)
                .until(() -> ReviewItems.forArticle(system.reviewer(), article.id()), found -> found != null);
        assertThat(item.get("reports")).hasSize(1);
        return item.get("reports").get(0);
    }
}
