package org.erratum.local.browser;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.erratum.events.ReportSubmitted.Category;
import org.erratum.events.ReviewItemChanged;
import org.erratum.events.ReviewItemChanged.ReportedPassage;
import org.erratum.events.ReviewItemChanged.Severity;
import org.erratum.events.ReviewItemChanged.State;
import org.erratum.local.browser.RunningSystem.PublishedArticle;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editors write and correct articles through the editor's screens in a real browser (headless Chromium) on the
 * running system: sign in through the form, create an article with lists and citations, preview it, publish it,
 * revise it and read what changed. The screens are plain HTML forms, so the journey runs with JavaScript switched
 * off; axe-core checks every screen in each state, and an editor does it all with the keyboard alone.
 */
@ExtendWith(RunningSystem.class)
class EditorBrowserSystemTests {

    private static final String RICH_SAMPLE = "8e3b6f1a-2c4d-4b7e-9f10-6d2a5c8b9e07";
    private static final String TREATMENTS = """
            Most sprains get better on their own within a few weeks [1].

            1. **Rest the joint**
               1. Keep weight off it for 2 to 3 days.
               2. Use crutches if walking hurts [2].
            2. **Ease the swelling**
               1. Hold an ice pack to it for up to 20 minutes.""";
    private static final String GET_HELP = """
            > **Get help now**
            > Go to an emergency department if:
            >
            > - the joint looks deformed
            > - you cannot feel your toes""";

    private static RunningSystem system;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeAll
    static void connect(RunningSystem running) {
        system = running;
    }

    @Test
    void anEditorCreatesAnArticleWithListsAndCitationsPreviewsPublishesAndCorrectsIt() {
        StaffPagesInBrowser editor = signedInEditor(false);
        String slug = "sprained-ankle-" + UUID.randomUUID().toString().substring(0, 8);

        editor.driver().findElement(By.linkText("New article")).click();
        editor.awaitPage(() -> editor.text("h1").equals("New article"));
        editor.fill(editor.field("Title"), "Sprained ankle");
        editor.fill(editor.field("Page address (optional)"), slug);
        editor.fill(editor.field("Summary"), "What helps a sprained ankle heal, and when to get help.");
        editor.fill(editor.field("New section (optional)", "Heading"), "What helps");
        editor.fill(editor.field("New section (optional)", "Text"), TREATMENTS);
        editor.fill(editor.field("New reference (optional)", "Citation"),
                "Example Health Service. Sprains and strains. 2025.");
        editor.fill(editor.field("New reference (optional)", "Web address (optional)"),
                "https://example.org/sprains");
        editor.fill(editor.field("Authors"), "Erratum editorial team");
        editor.fill(editor.field("Owner"), "Musculoskeletal team");
        editor.fill(editor.field("Owner's email address"), "msk-editors@example.org");
        editor.fill(editor.field("Topics (optional)"), "sprains, first aid");
        editor.press("Preview");

        // the preview shows the first section, with the citation of a reference the form does not list yet refused
        editor.awaitPage(() -> !editor.driver().findElements(By.id("preview")).isEmpty());
        assertThat(editor.text("#section-1-body-error")).contains("cites reference 2, but the article lists 1");
        editor.fill(editor.field("New section (optional)", "Heading"), "When to get help");
        editor.fill(editor.field("New section (optional)", "Text"), GET_HELP);
        editor.fill(editor.field("New reference (optional)", "Citation"),
                "Example Orthopaedic Society. Crutch use after ankle injury. 2024.");
        editor.press("Preview");

        editor.awaitPage(() -> editor.driver().findElements(By.id("error-summary")).isEmpty());
        WebElement preview = editor.driver().findElement(By.id("preview"));
        assertThat(preview.findElements(By.cssSelector("ol > li > strong"))).extracting(WebElement::getText)
                .containsExactly("Rest the joint", "Ease the swelling");
        assertThat(preview.findElements(By.cssSelector("ol > li > ol > li"))).extracting(WebElement::getText)
                .contains("Keep weight off it for 2 to 3 days.", "Use crutches if walking hurts (2).");
        assertThat(preview.findElement(By.cssSelector("a[href='#ref-2']")).getText()).isEqualTo("2");
        assertThat(preview.findElement(By.cssSelector("aside.callout h3")).getText()).isEqualTo("Get help now");
        editor.screenshot("editor-preview");
        editor.press("Publish");

        editor.awaitPage(() -> editor.confirmation().contains("is published at /articles/" + slug));
        assertThat(editor.text("#current-revision")).isEqualTo("1");
        editor.screenshot("editor-edit");

        WebElement text = editor.field("Section 1", "Text");
        editor.fill(text, text.getDomProperty("value").replace("2 to 3 days", "48 hours"));
        editor.fill(editor.field("Change summary"), "Said how long to rest the joint");
        editor.labelled("Major: changes what readers are told; listed in the public corrections log").click();
        editor.press("Save revision");

        editor.awaitPage(() -> editor.confirmation().equals("Revision 2 is published."));
        editor.driver().findElement(By.id("history-link")).click();
        editor.awaitPage(() -> editor.text("h2").equals("Changes from revision 1 to revision 2"));
        // as a screen reader reads them out: the change, and what kind of change it is
        assertThat(editor.driver().findElements(By.cssSelector("#diff del")))
                .extracting(change -> change.getDomProperty("textContent")).containsExactly("[removed: 2 to 3 days.]");
        assertThat(editor.driver().findElements(By.cssSelector("#diff ins")))
                .extracting(change -> change.getDomProperty("textContent")).containsExactly("[added: 48 hours.]");
        assertThat(editor.driver().findElement(By.cssSelector("#revision-2")).getText())
                .contains("Said how long to rest the joint");
        editor.screenshot("editor-diff");

        editor.open(system.articlePage(slug));
        assertThat(editor.driver().findElement(By.tagName("article")).getText())
                .contains("Keep weight off it for 48 hours.").contains("Said how long to rest the joint");
        JsonNode stored = system.editor().get("/api/articles/" + articleIdOf(slug)).json();
        assertThat(stored.get("owner").get("name").asString()).isEqualTo("Musculoskeletal team");
        assertThat(stored.get("references")).hasSize(2);
    }

    @Test
    void theEditorsScreensHaveNoAccessibilityViolationsInAnyState() {
        Axe.requireInstalled();
        StaffPagesInBrowser editor = browsers.staff(true);
        editor.open(system.contentUrl("/editor"));
        assertThat(Axe.violations(editor.driver())).as("sign-in page").isEmpty();
        editor.signIn("editor", "editor-dev-password");

        assertThat(Axe.violations(editor.driver())).as("article list").isEmpty();
        editor.screenshot("editor-article-list");

        editor.open(system.contentUrl("/editor/articles/new"));
        assertThat(Axe.violations(editor.driver())).as("new article").isEmpty();
        editor.press("Publish");
        editor.awaitPage(() -> !editor.driver().findElements(By.id("error-summary")).isEmpty());
        assertThat(Axe.violations(editor.driver())).as("new article with its error summary").isEmpty();
        editor.screenshot("editor-errors");

        editor.open(system.contentUrl("/editor/articles/" + RICH_SAMPLE + "/edit"));
        assertThat(Axe.violations(editor.driver())).as("edit page").isEmpty();
        editor.press("Preview");
        editor.awaitPage(() -> !editor.driver().findElements(By.id("preview")).isEmpty());
        assertThat(Axe.violations(editor.driver())).as("edit page with the preview of a rich article").isEmpty();

        PublishedArticle article = withTwoRevisions();
        editor.open(system.contentUrl("/editor/articles/" + article.id() + "/history?from=1&to=2"));
        assertThat(editor.driver().findElements(By.cssSelector("#diff ins"))).isNotEmpty();
        assertThat(Axe.violations(editor.driver())).as("history with the diff").isEmpty();

        String itemId = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        TopicProbe.publish(itemState(article.id(), itemId, "Take 2 tablets <not 3> every 4 hours"));
        editor.open(system.contentUrl("/editor/articles/" + article.id() + "/edit?item=" + itemId));
        editor.awaitAfterReloads(() -> !editor.driver().findElements(By.cssSelector(".item-panel .passage"))
                .isEmpty());
        assertThat(editor.text(".item-panel .passage")).isEqualTo("Take 2 tablets <not 3> every 4 hours");
        assertThat(Axe.violations(editor.driver())).as("correction beside the reported passages").isEmpty();
        editor.screenshot("editor-correct-from-item");

        Response meanwhile = system.editor().put("/api/articles/" + article.id(), revisionBody(2,
                "Another editor's change"));
        assertThat(meanwhile.status()).as(meanwhile.toString()).isEqualTo(200);
        // an article published through the API has no owner yet; the form asks for one
        editor.fill(editor.field("Owner"), "Skin team");
        editor.fill(editor.field("Owner's email address"), "skin@example.org");
        editor.fill(editor.field("Change summary"), "My change");
        editor.labelled("Minor: wording, spelling or layout; nothing a reader would act on differently").click();
        editor.press("Save revision");
        editor.awaitPage(() -> !editor.driver().findElements(By.id("conflict")).isEmpty());
        assertThat(editor.field("Change summary").getDomProperty("value")).isEqualTo("My change");
        assertThat(Axe.violations(editor.driver())).as("conflict with another editor").isEmpty();
        editor.screenshot("editor-conflict");
    }

    @Test
    void whenGuidanceChangesAnEditorMarksEveryArticleOfTheTopicForReviewAndTheirPagesSaySo() {
        Axe.requireInstalled();
        String topic = "asthma " + UUID.randomUUID().toString().substring(0, 8);
        String inhalers = publishAbout("Asthma inhalers", topic);
        String children = publishAbout("Asthma in children", topic);
        StaffPagesInBrowser editor = signedInEditor(true);

        editor.driver().findElement(By.linkText("Guidance changed")).click();
        editor.awaitPage(() -> editor.text("h1").equals("Guidance changed"));
        assertThat(Axe.violations(editor.driver())).as("guidance changed").isEmpty();
        editor.field("Topic").findElement(By.xpath("option[@value='" + topic + "']")).click();
        editor.press("Mark the articles as due for review");

        editor.awaitPage(() -> !editor.driver().findElements(By.id("error-summary")).isEmpty());
        assertThat(editor.text("#reason-error")).startsWith("Say why these articles need review");
        assertThat(editor.field("Topic").getDomProperty("value")).as("the choice is kept").isEqualTo(topic);
        assertThat(Axe.violations(editor.driver())).as("guidance changed with its error summary").isEmpty();
        editor.fill(editor.field("Reason"), "New NICE guidance on asthma inhalers");
        editor.press("Mark the articles as due for review");

        editor.awaitPage(() -> editor.confirmation().equals("2 articles about “" + topic
                + "” are now due for review."));
        assertThat(editor.driver().findElements(By.cssSelector("#marked-articles li a")))
                .extracting(WebElement::getText).containsExactly("Asthma in children", "Asthma inhalers");
        assertThat(Axe.violations(editor.driver())).as("articles marked for review").isEmpty();
        editor.screenshot("editor-guidance-changed");

        editor.open(system.articlePage(inhalers));
        assertThat(editor.text("#review-due")).startsWith("This page is due for review.")
                .doesNotContain("NICE");
        assertThat(Axe.violations(editor.driver())).as("article page due for review").isEmpty();
        editor.screenshot("article-due-for-review");
        editor.open(system.contentUrl("/editor?q=asthma+in+children"));
        assertThat(editor.text("#article-" + articleIdOf(children))).contains("Review requested")
                .contains("Requested: New NICE guidance on asthma inhalers");
    }

    /** A reviewer who follows "Correct this article" with their own account: told why, on an accessible page. */
    @Test
    void aStaffMemberWithoutTheEditorRoleIsToldWhyOnAnAccessiblePage() {
        Axe.requireInstalled();
        StaffPagesInBrowser reviewer = browsers.staff(true);
        reviewer.openSignedIn(system.contentUrl("/editor/articles/" + RICH_SAMPLE + "/edit"), "reviewer",
                "reviewer-dev-password");

        reviewer.awaitPage(() -> reviewer.text("h1").equals("You cannot do that here"));
        assertThat(reviewer.driver().findElements(By.id("article-form"))).isEmpty();
        assertThat(Axe.violations(reviewer.driver())).as("access denied").isEmpty();
    }

    /** The checks above pass because the pages are right, not because axe found nothing to look at. */
    @Test
    void axeReportsAViolationOnAnEditorPageWhenThereIsOne() {
        Axe.requireInstalled();
        StaffPagesInBrowser editor = signedInEditor(true);
        editor.open(system.contentUrl("/editor/articles/new"));
        editor.driver().executeScript("document.getElementById('title').removeAttribute('id');");

        assertThat(Axe.violations(editor.driver())).anySatisfy(violation -> assertThat(violation).startsWith("label "));
    }

    @Test
    void anEditorSignsInWritesAPreviewsAndPublishesWithTheKeyboardAlone() {
        ChromeDriver driver = browsers.start(true);
        StaffPagesInBrowser editor = new StaffPagesInBrowser(driver);
        Keyboard keyboard = new Keyboard(driver);
        editor.open(system.contentUrl("/editor"));
        assertThat(keyboard.focusedId()).as("the sign-in form starts in its first field").isEqualTo("username");
        keyboard.press("editor", Keys.TAB, "editor-dev-password", Keys.ENTER);
        editor.awaitPage(() -> editor.text("h1").equals("Articles"));

        keyboard.tabTo("#nav-new-article");
        keyboard.press(Keys.ENTER);
        editor.awaitPage(() -> editor.text("h1").equals("New article"));
        String title = "Keyboard sprain " + UUID.randomUUID().toString().substring(0, 8);
        keyboard.tabTo("#title");
        keyboard.press(title);
        keyboard.tabTo("#summary");
        keyboard.press("Written without a mouse.");
        keyboard.tabTo("#section-1-heading");
        keyboard.press("What helps", Keys.TAB, "Rest it [1].", Keys.ENTER, Keys.ENTER, "- Ice it");
        keyboard.tabTo("#reference-1-citation");
        keyboard.press("Example Health Service. Sprains. 2025.");
        keyboard.tabTo("#authors");
        keyboard.press("Erratum editorial team", Keys.TAB, "Keyboard team", Keys.TAB, "keys@example.org");
        // Enter in a field sends the form with its first button, which previews: nothing is published by accident
        keyboard.press(Keys.ENTER);

        editor.awaitPage(() -> !driver.findElements(By.id("preview")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("#preview ul li")).getText()).isEqualTo("Ice it");
        assertThat(driver.findElements(By.id("confirmation")).get(0).getText()).isEmpty();
        keyboard.tabTo("#save-button");
        keyboard.press(Keys.SPACE);

        editor.awaitPage(() -> editor.confirmation().contains("as revision 1."));
        assertThat(editor.text("h1")).endsWith(title);
    }

    /** Finding an article, changing its text and saving a revision, with the significance chosen by arrow key. */
    @Test
    void anEditorFindsAnArticleRevisesItAndSavesWithTheKeyboardAlone() {
        PublishedArticle article = system.publish("Keyboard blisters " + UUID.randomUUID().toString().substring(0, 8),
                "Leave a blister to heal on its own.");
        String title = system.editor().get("/api/articles/" + article.id()).json().get("title").asString();
        ChromeDriver driver = browsers.start(true);
        StaffPagesInBrowser editor = new StaffPagesInBrowser(driver);
        Keyboard keyboard = new Keyboard(driver);
        editor.open(system.contentUrl("/editor"));
        keyboard.press("editor", Keys.TAB, "editor-dev-password", Keys.ENTER);
        editor.awaitPage(() -> editor.text("h1").equals("Articles"));

        keyboard.tabTo("#q");
        keyboard.press(title, Keys.ENTER);
        editor.awaitPage(() -> driver.getCurrentUrl().contains("q="));
        keyboard.tabTo("#article-" + article.id() + " th a");
        keyboard.press(Keys.ENTER);
        editor.awaitPage(() -> editor.text("h1").endsWith(title));

        keyboard.tabTo("#section-1-body");
        // the caret goes to the end of the text, and a new paragraph follows it
        keyboard.press(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER, Keys.ENTER, "Do not pop it.");
        // an article published through the API has no owner yet; the form asks for one
        keyboard.tabTo("#ownerName");
        keyboard.press("Skin team", Keys.TAB, "skin@example.org");
        keyboard.tabTo("#changeSummary");
        keyboard.press("Said not to pop it");
        keyboard.tabTo("#significance-MINOR");
        // in a radio group the arrow keys move the choice
        keyboard.press(Keys.ARROW_DOWN);
        assertThat(driver.findElement(By.id("significance-MAJOR")).isSelected()).isTrue();
        keyboard.tabTo("#save-button");
        keyboard.press(Keys.ENTER);

        editor.awaitPage(() -> editor.confirmation().equals("Revision 2 is published."));
        JsonNode saved = system.editor().get("/api/articles/" + article.id()).json();
        assertThat(saved.get("revision").asInt()).isEqualTo(2);
        assertThat(saved.get("sections").get(0).get("body").asString())
                .startsWith("Leave a blister to heal on its own.").endsWith("Do not pop it.");
        assertThat(saved.get("owner").get("name").asString()).isEqualTo("Skin team");
    }

    private StaffPagesInBrowser signedInEditor(boolean javascript) {
        StaffPagesInBrowser editor = browsers.staff(javascript);
        editor.openSignedIn(system.contentUrl("/editor"), "editor", "editor-dev-password");
        editor.awaitPage(() -> editor.text("h1").equals("Articles"));
        return editor;
    }

    /** Publishes an article tagged with the topic and returns its page address. */
    private static String publishAbout(String title, String topic) {
        Response created = system.editor().post("/api/articles", Map.of(
                "slug", "guidance-" + UUID.randomUUID().toString().substring(0, 8),
                "title", title,
                "summary", "What it is, and how it is treated.",
                "sections", List.of(Map.of("heading", "Treatment", "body", "Use your reliever inhaler when needed.")),
                "authors", List.of("Erratum editorial team"),
                "topics", List.of(topic)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("slug").asString();
    }

    private static PublishedArticle withTwoRevisions() {
        PublishedArticle article = system.publish("Blisters", "Leave a blister to heal on its own. Cover it with"
                + " a soft plaster or dressing.");
        Response revised = system.editor().put("/api/articles/" + article.id(), revisionBody(1,
                "Said how to cover it"));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        return article;
    }

    private static Map<String, Object> revisionBody(int expectedRevision, String changeSummary) {
        return Map.of("expectedRevision", expectedRevision, "title", "Blisters",
                "summary", "What to do at home, and when to get help.",
                "sections", List.of(Map.of("heading", "What to do", "body", "Leave a blister to heal on its own "
                        + "[1]. Cover it with a soft plaster, changed every day (" + changeSummary + ").")),
                "references", List.of(Map.of("citation", "Erratum editorial team. House guidance for test pages.",
                        "url", "https://example.org/guidance")),
                "authors", List.of("Erratum editorial team"), "changeSummary", changeSummary, "significance",
                "MINOR");
    }

    private static ReviewItemChanged itemState(String articleId, String itemId, String passage) {
        Instant now = Instant.now();
        return new ReviewItemChanged(UUID.randomUUID(), now, articleId, itemId, 1, State.OPEN, Severity.URGENT, 1,
                List.of(new ReportedPassage(1, Category.SAFETY_CONCERN, passage)), null,
                now.plus(1, ChronoUnit.DAYS), null, null);
    }

    private static String articleIdOf(String slug) {
        for (JsonNode article : system.editor().get("/api/articles").json()) {
            if (slug.equals(article.get("slug").asString())) {
                return article.get("id").asString();
            }
        }
        throw new AssertionError("no article at " + slug);
    }

}
