package org.erratum.local.browser;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole correction, in real browsers on the running system, each person starting where they start: an editor
 * signs in and publishes an article with nested numbered lists and citations; a reader selects a wrong dose inside
 * a list item and reports it from the page; a reviewer claims the item in the console, chooses "Correct this
 * article", signs in to the editor, fixes the dose, goes back to the item and resolves it as revised in one step; a
 * senior reviewer finds the resolved item, reads what changed since the last sign-off and signs the article off; the
 * reader's page then shows the new text, the corrections log and the new review dates.
 */
@ExtendWith(RunningSystem.class)
class CorrectionJourneyBrowserSystemTests {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String WRONG = "Take one cetirizine tablet twice a day.";
    private static final String RIGHT = "Take one cetirizine tablet once a day.";
    private static final String TREATMENTS = """
            Most people with hay fever feel better with medicines from a pharmacy [1, 2].

            1. **Antihistamine tablets**
               1. %s
               2. Ask a pharmacist for one that will not make you drowsy [3].
            2. **Steroid nasal sprays**
               1. Use the spray every morning in the pollen season [2].""".formatted(WRONG);
    private static final List<String> REFERENCES = List.of(
            "Example Health Service. Hay fever. 2025.",
            "Example Allergy Society. Treating allergic rhinitis in adults. 2024.",
            "Example Pharmacists' Guild. Antihistamines that do not cause drowsiness. 2023.");
    private static final String CHANGE_SUMMARY = "Corrected the cetirizine dose to once a day";

    private static RunningSystem system;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeAll
    static void connect(RunningSystem running) {
        Axe.requireInstalled();
        system = running;
    }

    @Test
    void aDoseAReaderReportsInAListItemIsCorrectedResolvedAndSignedOffOnThePage() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String title = "Hay fever " + suffix;
        String slug = "hay-fever-" + suffix;

        String articleId = anEditorPublishes(title, slug);
        Instant firstReview = clinicallyReviewedAtPublication(articleId);

        aReaderReportsTheDoseInAListItem(title);

        StaffPagesInBrowser reviewer = browsers.staff();
        String itemId = theReviewerClaimsTheItem(reviewer, title);
        theReviewerCorrectsTheArticleInTheEditor(reviewer, itemId);
        theReviewerResolvesTheItemAsRevisedByRevision2(reviewer, itemId);

        LocalDate signedOffOn = LocalDate.now(ZoneOffset.UTC);
        aSeniorReviewerSignsOffAfterReadingTheDiff(title, itemId);

        // the sign-off reaches content-service over review.decisions
        await().atMost(WAIT).until(() -> lastReviewedAt(articleId).isAfter(firstReview));
        ArticlePageInBrowser reader = browsers.reader(true).open(system.articlePage(slug));
        WebElement article = reader.driver().findElement(By.tagName("article"));
        assertThat(article.getDomAttribute("data-revision")).isEqualTo("2");
        assertThat(article.findElements(By.cssSelector("ol > li > ol > li"))).extracting(WebElement::getText)
                .contains(RIGHT).doesNotContain(WRONG);
        assertThat(reader.driver().findElements(By.cssSelector(".corrections li"))).extracting(WebElement::getText)
                .singleElement().satisfies(entry -> assertThat(entry).startsWith("Updated on ")
                        .endsWith(": " + CHANGE_SUMMARY));
        assertThat(reader.driver().findElement(By.cssSelector(".reviewed-by")).getText())
                .isEqualTo("Medically reviewed by Dr Tomas Lindqvist, MD, FRCP");
        List<WebElement> dates = reader.driver().findElements(By.cssSelector(".review-dates time"));
        LocalDate lastReviewed = LocalDate.parse(dates.get(0).getDomAttribute("datetime"));
        assertThat(lastReviewed).isBetween(signedOffOn, LocalDate.now(ZoneOffset.UTC));
        // the form's default review interval: 24 months from the new sign-off
        assertThat(LocalDate.parse(dates.get(1).getDomAttribute("datetime"))).isEqualTo(lastReviewed.plusMonths(24));
        assertThat(reader.driver().findElement(By.cssSelector(".review-dates")).getText())
                .startsWith("Last reviewed on ").contains(" · Next review due ");
        reader.screenshot("journey-article-after-sign-off");
    }

    /** @return the new article's id */
    private String anEditorPublishes(String title, String slug) {
        StaffPagesInBrowser editor = browsers.staff();
        editor.openSignedIn(system.contentUrl("/editor"), "editor", "editor-dev-password");
        editor.awaitPage(() -> editor.text("h1").equals("Articles"));
        editor.driver().findElement(By.linkText("New article")).click();
        editor.awaitPage(() -> editor.text("h1").equals("New article"));

        editor.fill(editor.field("Title"), title);
        editor.fill(editor.field("Page address (optional)"), slug);
        editor.fill(editor.field("Summary"), "What eases hay fever, and when to see a doctor.");
        editor.fill(editor.field("New section (optional)", "Heading"), "Treatments");
        editor.fill(editor.field("New section (optional)", "Text"), TREATMENTS);
        editor.fill(editor.field("Authors"), "Erratum editorial team");
        editor.fill(editor.field("Owner"), "Allergy team");
        editor.fill(editor.field("Owner's email address"), "allergy-editors@example.org");
        // the form offers one new reference at a time: each preview adds the next empty row
        for (int n = 1; n <= REFERENCES.size(); n++) {
            editor.fill(editor.field("New reference (optional)", "Citation"), REFERENCES.get(n - 1));
            editor.press("Preview");
            String added = "Reference " + n + ", cited as [" + n + "]";
            editor.awaitPage(() -> editor.field(added, "Citation").getDomProperty("value") != null);
        }

        editor.awaitPage(() -> !editor.driver().findElements(By.id("preview")).isEmpty());
        assertThat(editor.driver().findElements(By.id("error-summary"))).isEmpty();
        WebElement preview = editor.driver().findElement(By.id("preview"));
        assertThat(preview.findElements(By.cssSelector("ol > li > strong"))).extracting(WebElement::getText)
                .containsExactly("Antihistamine tablets", "Steroid nasal sprays");
        assertThat(preview.findElements(By.cssSelector("ol > li > ol > li"))).extracting(WebElement::getText)
                .containsExactly(WRONG, "Ask a pharmacist for one that will not make you drowsy (3).",
                        "Use the spray every morning in the pollen season (2).");
        assertThat(preview.getText()).contains("feel better with medicines from a pharmacy (1, 2).");
        assertThat(preview.findElements(By.cssSelector("a[href^='#ref-']")))
                .extracting(link -> link.getDomAttribute("href")).containsExactly("#ref-1", "#ref-2", "#ref-3", "#ref-2");
        assertThat(Axe.violations(editor.driver())).as("new article with its preview").isEmpty();
        editor.screenshot("journey-editor-new-article-preview");
        editor.press("Publish");

        editor.awaitPage(() -> editor.confirmation().contains("is published at /articles/" + slug));
        String url = editor.driver().getCurrentUrl();
        String articleId = url.substring(url.indexOf("/editor/articles/") + "/editor/articles/".length(),
                url.lastIndexOf("/edit"));
        // readers can give feedback once feedback-service has the article from content.articles
        await().atMost(WAIT).until(() -> system.feedbackApi().get("/api/feedback/articles/" + articleId
                + "/revisions/1/helpfulness").status() == 200);
        return articleId;
    }

    /**
     * A clinician reviewed the new article when it was published (through the API: the console offers a sign-off
     * from a review item, and a new article has none), so the sign-off at the end has a diff to show.
     *
     * @return when content-service recorded that review
     */
    private static Instant clinicallyReviewedAtPublication(String articleId) {
        String key = UUID.randomUUID().toString();
        await().atMost(WAIT).until(() -> system.senior().withHeader("Idempotency-Key", key)
                .post("/api/review/articles/" + articleId + "/sign-off",
                        Map.of("revision", 1, "reviewedWholeArticle", true)).status() == 202);
        return await().atMost(WAIT).ignoreExceptions().until(() -> lastReviewedAt(articleId), at -> at != null);
    }

    private void aReaderReportsTheDoseInAListItem(String title) {
        ArticlePageInBrowser reader = browsers.reader(true).open(system.contentUrl("/"));
        reader.driver().findElement(By.linkText(title)).click();
        await().atMost(WAIT).ignoreExceptions().until(() -> reader.driver().findElement(By.tagName("h1")).getText()
                .equals(title));
        assertThat(reader.driver().findElements(By.cssSelector("article a[href^='#ref-']"))).hasSize(4);

        reader.selectInArticle(WRONG);
        assertThat(reader.script("return window.getSelection().getRangeAt(0).commonAncestorContainer"
                + ".parentElement.closest('ol ol > li') !== null;")).as("the passage is in a nested list item")
                .isEqualTo(true);
        reader.openReportForm();
        assertThat(reader.value(reader.byId("report-passage"))).isEqualTo(WRONG);
        reader.choose("category-SAFETY_CONCERN");
        reader.type("report-comment", "Cetirizine is taken once a day; my pharmacist says twice is too much.");
        reader.takeTimeToRead();
        reader.sendReport();
        assertThat(reader.awaitStatus()).isEqualTo("Thank you. Your report has gone to our medical reviewers.");
    }

    /** @return the review item's id */
    private static String theReviewerClaimsTheItem(StaffPagesInBrowser reviewer, String title) {
        reviewer.openSignedIn(system.consoleUrl("/console"), "reviewer", "reviewer-dev-password");
        reviewer.awaitPage(() -> reviewer.text("h1").equals("Review queue"));
        // the report reaches the queue over feedback.reports
        reviewer.awaitAfterReloads(() -> !reviewer.driver().findElements(By.linkText(title)).isEmpty());
        reviewer.driver().findElement(By.linkText(title)).click();
        reviewer.awaitPage(() -> reviewer.driver().getCurrentUrl().contains("/console/items/"));
        String url = reviewer.driver().getCurrentUrl();
        String itemId = url.substring(url.lastIndexOf('/') + 1);

        reviewer.press("Claim this item");
        reviewer.awaitPage(() -> reviewer.confirmation().startsWith("You claimed this item."));
        assertThat(reviewer.fact("Severity")).isEqualTo("Urgent");
        assertThat(reviewer.driver().findElements(By.cssSelector(".article-text li mark")))
                .extracting(WebElement::getText).containsExactly(WRONG);
        return itemId;
    }

    private static void theReviewerCorrectsTheArticleInTheEditor(StaffPagesInBrowser reviewer, String itemId) {
        reviewer.driver().findElement(By.linkText("Correct this article")).click();
        // the editor's screens are content-service's, with a sign-in of their own
        reviewer.awaitPage(() -> !reviewer.driver().getCurrentUrl().startsWith(system.consoleUrl("/")));
        assertThat(reviewer.driver().getCurrentUrl()).startsWith(system.contentUrl("/login"));
        reviewer.signIn("editor", "editor-dev-password");
        // back where the link led, once signed in
        reviewer.awaitPage(() -> reviewer.driver().getCurrentUrl().contains("/edit?item=" + itemId));
        // the item's passages reach content-service over review.items
        reviewer.awaitAfterReloads(() -> reviewer.text(".item-panel .passage").equals(WRONG));
        assertThat(reviewer.text("#current-revision")).isEqualTo("1");
        assertThat(Axe.violations(reviewer.driver())).as("correction beside the reported passage").isEmpty();
        reviewer.screenshot("journey-editor-correct-from-item");

        WebElement text = reviewer.field("Section 1", "Text");
        reviewer.fill(text, text.getDomProperty("value").replace(WRONG, RIGHT));
        reviewer.fill(reviewer.field("Change summary"), CHANGE_SUMMARY);
        reviewer.labelled("Major: changes what readers are told; listed in the public corrections log").click();
        reviewer.press("Save revision");

        reviewer.awaitPage(() -> reviewer.confirmation().equals("Revision 2 is published."));
        assertThat(reviewer.text("#answered")).contains("This revision answers review item " + itemId);
        assertThat(Axe.violations(reviewer.driver())).as("revision saved in answer to the item").isEmpty();
        reviewer.screenshot("journey-editor-revision-saved");
    }

    private static void theReviewerResolvesTheItemAsRevisedByRevision2(StaffPagesInBrowser reviewer, String itemId) {
        reviewer.driver().findElement(By.linkText("Back to the review item in the console")).click();
        reviewer.awaitPage(() -> reviewer.driver().getCurrentUrl()
                .equals(system.consoleUrl("/console/items/" + itemId)));
        // revision 2 reaches review-service over content.articles, naming the item it answers
        reviewer.awaitAfterReloads(() -> !reviewer.driver().findElements(By.id("resolve-as-revised")).isEmpty());
        assertDoseDiff(reviewer.driver().findElement(By.id("item-diff")));
        assertThat(Axe.violations(reviewer.driver())).as("item with the revision that answers it").isEmpty();
        reviewer.screenshot("journey-console-item-diff");

        reviewer.press("Resolve as revised by revision 2");
        reviewer.awaitPage(() -> reviewer.confirmation().equals("You resolved this item as Revised."));
        assertThat(reviewer.text("[aria-labelledby=resolution-heading]")).contains("Revised by revision 2 — reviewer")
                .contains(CHANGE_SUMMARY);
    }

    private void aSeniorReviewerSignsOffAfterReadingTheDiff(String title, String itemId) {
        StaffPagesInBrowser senior = browsers.staff();
        senior.openSignedIn(system.consoleUrl("/console"), "senior", "senior-dev-password");
        senior.awaitPage(() -> senior.text("h1").equals("Review queue"));
        senior.choose("State", "Resolved");
        senior.press("Apply filters");
        senior.awaitPage(() -> senior.driver().getCurrentUrl().contains("state=RESOLVED"));
        senior.driver().findElement(By.linkText(title)).click();
        senior.awaitPage(() -> senior.driver().getCurrentUrl().endsWith("/console/items/" + itemId));
        senior.driver().findElement(By.linkText("Sign off this article's clinical review")).click();

        senior.awaitPage(() -> senior.driver().getCurrentUrl().contains("/sign-off"));
        assertThat(senior.fact("Latest revision")).isEqualTo("2");
        assertThat(senior.fact("Last signed off here")).isEqualTo("Revision 1");
        assertThat(senior.field("Revision you reviewed").getDomProperty("value")).isEqualTo("2");
        assertDoseDiff(senior.driver().findElement(By.id("sign-off-diff")));
        assertThat(Axe.violations(senior.driver())).as("sign-off with what changed").isEmpty();
        senior.screenshot("journey-sign-off");
        WebElement confirm = senior.field("I reviewed the whole article, not only what changed");
        assertThat(confirm.isSelected()).isFalse();
        senior.labelled("I reviewed the whole article, not only what changed").click();
        senior.press("Sign off");

        senior.awaitPage(() -> senior.confirmation().startsWith("You signed off revision 2 as clinically reviewed."));
    }

    /** Revision 2 gives once a day for twice: the word removed and the word added, each marked as such. */
    private static void assertDoseDiff(WebElement diff) {
        assertThat(diff.findElements(By.tagName("del"))).extracting(WebElement::getText).containsExactly("twice");
        assertThat(diff.findElements(By.tagName("ins"))).extracting(WebElement::getText).containsExactly("once");
    }

    private static Instant lastReviewedAt(String articleId) {
        JsonNode article = system.editor().get("/api/articles/" + articleId).json();
        return article.hasNonNull("lastReviewedAt") ? Instant.parse(article.get("lastReviewedAt").asString()) : null;
    }

}
