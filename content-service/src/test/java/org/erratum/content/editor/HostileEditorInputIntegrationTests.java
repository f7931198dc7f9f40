package org.erratum.content.editor;

import java.util.LinkedHashMap;
import java.util.Map;

import org.erratum.content.ContentApi;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erratum.content.editor.EditorSession.revisionOf;
import static org.erratum.content.editor.EditorSession.richArticle;

/**
 * What an editor's form may carry that must never reach a reader as live markup: script, {@code javascript:}
 * addresses, documents too large to publish, lists nested without end, and posts no browser would send. Each is
 * refused next to its field with nothing saved, and the preview renders it inert.
 */
@IntegrationTest
class HostileEditorInputIntegrationTests {

    @LocalServerPort
    int port;

    ContentApi api;
    EditorSession editor;

    @BeforeEach
    void signIn() {
        api = new ContentApi(port);
        editor = EditorSession.signedIn(port);
    }

    @Test
    void scriptInTheTextIsRefusedNextToItsSectionAndPreviewedAsText() {
        Map<String, String> article = richArticle("Hostile script");
        article.put("sections[1].body", "Fine text.\n\n<script>alert('stolen')</script>\n\n<img src=x onerror=alert(1)>");

        Response preview = editor.create(article, "preview");

        assertThat(preview.body()).containsPattern("<p class=\"field-error\" id=\"section-2-body-error\">line 3: raw HTML"
                + " is not allowed[^<]*\\(and 1 more problem\\)</p>")
                .contains("<a href=\"#section-2-body\">Section 2 text: line 3: raw HTML is not allowed")
                .contains("&lt;script&gt;alert(&#39;stolen&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert").doesNotContain("<img");
        assertRefusedAndNothingSaved(article);
    }

    @Test
    void javascriptAddressesAreRefusedInTextAndReferencesAndNeverBecomeLinks() {
        Map<String, String> article = richArticle("Hostile links");
        article.put("sections[0].body", "Read [the leaflet](javascript:alert(document.cookie)) first [1].");
        article.put("references[0].url", "javascript:alert(1)");

        Response preview = editor.create(article, "preview");

        assertThat(preview.body())
                .contains("id=\"section-1-body-error\">line 1: a link goes to an https://, http:// or mailto: address")
                .contains("id=\"reference-1-url-error\">Enter a web address starting with https:// or http://")
                .contains("<p>Read the leaflet first <span class=\"citation\">(")
                .doesNotContain("href=\"javascript:");
        assertRefusedAndNothingSaved(article);
    }

    @Test
    void aHugeDocumentIsRefusedWithItsSizeAndNotRendered() {
        Map<String, String> article = richArticle("Hostile size");
        article.put("sections[0].body", "words".repeat(5_000));

        Response preview = editor.create(article, "preview");

        assertThat(preview.body()).contains("id=\"section-1-body-error\">is 25,000 characters long; a section holds at"
                + " most 20,000</p>").doesNotContain("id=\"preview-heading\"");
        assertRefusedAndNothingSaved(article);
    }

    @Test
    void listsNestedDeeperThanTheFormatAllowsAreRefused() {
        Map<String, String> article = richArticle("Hostile nesting");
        StringBuilder nested = new StringBuilder();
        for (int depth = 0; depth < 40; depth++) {
            nested.append("  ".repeat(depth)).append("- level ").append(depth).append('\n');
        }
        article.put("sections[0].body", nested.toString());

        Response preview = editor.create(article, "preview");

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"section-1-body-error\">line 3: lists nest at most 2 levels deep");
        assertRefusedAndNothingSaved(article);
    }

    /** As deep as a section's length allows: one marker per level, each a frame of the reader if it recursed. */
    @Test
    void listsAndCalloutsNestedAsDeepAsASectionHoldsAreRefusedNotCrashedOn() {
        Map<String, String> article = richArticle("Hostile depth");
        article.put("sections[0].body", "- ".repeat(9_990) + "x");
        article.put("sections[1].body", "> ".repeat(9_990) + "x");

        Response preview = editor.create(article, "preview");

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"section-1-body-error\">line 1: lists nest at most 2 levels deep")
                .contains("id=\"section-2-body-error\">line 1: a callout (a &gt; quote) starts with its title in bold")
                .doesNotContain("<blockquote");
        assertRefusedAndNothingSaved(article);
    }

    @Test
    void sectionsTooLongTogetherAreRefusedAsAnArticleAndNotRendered() {
        Map<String, String> article = richArticle("Hostile total");
        for (int i = 0; i < 11; i++) {
            article.put("sections[" + i + "].heading", "Part " + i);
            article.put("sections[" + i + "].body", "word ".repeat(3_899) + "word");
        }

        Response preview = editor.create(article, "preview");

        assertThat(preview.body()).contains("id=\"sections-error\">the sections hold 214,489 characters together; an"
                + " article holds at most 200,000</p>").doesNotContain("id=\"preview-heading\"");
        assertRefusedAndNothingSaved(article);
    }

    /** A change summary is plain text: markup in it is kept as typed and shown as text wherever readers see it. */
    @Test
    void markupInAChangeSummaryIsShownAsTextInTheCorrectionsLogAndTheHistory() {
        Map<String, String> article = richArticle("Hostile summary");
        String id = editor.publish(article);
        String summary = "<script>alert('log')</script> Said <b>how long</b> to rest";
        Map<String, String> revision = revisionOf(article, 1, summary, "MAJOR");
        revision.put("sections[0].body", article.get("sections[0].body").replace("2 to 3 days", "48 hours"));

        assertThat(editor.revise(id, revision, "save").status()).isEqualTo(302);

        String escaped = "&lt;script&gt;alert(&#39;log&#39;)&lt;/script&gt; Said &lt;b&gt;how long&lt;/b&gt; to rest";
        assertThat(api.getArticle(id).get("revision").asInt()).isEqualTo(2);
        assertThat(api.reader().getText("/articles/" + article.get("slug")).body()).contains(escaped)
                .doesNotContain("<script>alert").doesNotContain("<b>how long");
        assertThat(editor.pages.get("/editor/articles/" + id + "/history").body()).contains(escaped)
                .doesNotContain("<script>alert").doesNotContain("<b>how long");
    }

    @Test
    void headingsTitlesAndCitationsAreShownAsTextInThePreview() {
        Map<String, String> article = richArticle("<b>Bold</b> title");
        article.put("sections[0].heading", "<script>alert(1)</script>");
        article.put("references[0].citation", "<a href=\"javascript:alert(1)\">x</a>");

        String preview = editor.create(article, "preview").body();

        assertThat(preview).contains("<p class=\"preview-title\">&lt;b&gt;Bold&lt;/b&gt; title</p>")
                .contains("<h2 id=\"section-1\">&lt;script&gt;alert(1)&lt;/script&gt;</h2>")
                .doesNotContain("<script>alert(1)").doesNotContain("href=\"javascript:");
    }

    @Test
    void moreSectionsThanAnArticleHoldsAreRefused() {
        Map<String, String> article = richArticle("Hostile rows");
        for (int i = 2; i < 60; i++) {
            article.put("sections[" + i + "].heading", "Heading " + i);
            article.put("sections[" + i + "].body", "Text " + i);
        }

        Response refused = editor.create(article, "save");

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("<a href=\"#form-sections\">Sections: An article has at most 50 sections</a>");
        assertRefusedAndNothingSaved(article);
    }

    /** Binding it would make a hundred thousand rows. */
    @Test
    void aPostNamingARowFarBeyondAnyArticleIsRefusedNotCrashedOn() {
        Map<String, String> article = richArticle("Hostile far row");
        article.put("sections[100000].heading", "Far away");

        Response refused = editor.create(article, "save");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("<h1>Invalid form</h1>").contains("sections[100000]")
                .contains("at most 50 sections and 100 references");
        assertThat(api.reader().getText("/articles/" + article.get("slug")).status()).isEqualTo(404);
    }

    @Test
    void aRevisionWithScriptLeavesTheArticleAsItWas() {
        Map<String, String> article = richArticle("Hostile revision");
        String id = editor.publish(article);
        Map<String, String> revision = revisionOf(article, 1, "Sneaky", "MINOR");
        revision.put("sections[0].body", "<iframe src=\"https://evil.example\"></iframe>");

        Response refused = editor.revise(id, revision, "save");

        assertThat(refused.body()).contains("id=\"section-1-body-error\">line 1: raw HTML is not allowed");
        assertThat(api.getArticle(id).get("revision").asInt()).isEqualTo(1);
        assertThat(api.reader().getText("/articles/" + article.get("slug")).body()).doesNotContain("iframe");
    }

    private void assertRefusedAndNothingSaved(Map<String, String> article) {
        Map<String, String> save = new LinkedHashMap<>(article);
        Response saved = editor.create(save, "save");
        assertThat(saved.status()).as("saving is refused with the form shown again").isEqualTo(200);
        assertThat(saved.body()).contains("There is a problem");
        assertThat(api.reader().getText("/articles/" + article.get("slug")).status()).isEqualTo(404);
    }
}
