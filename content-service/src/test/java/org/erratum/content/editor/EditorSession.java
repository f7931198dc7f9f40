package org.erratum.content.editor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor at the editor's screens, signed in through the form, filling in and sending the article form as a
 * browser would: every field the page has, with the page's CSRF token.
 */
final class EditorSession {

    private static final Pattern EDIT_PAGE = Pattern.compile("/editor/articles/([^/]+)/edit$");

    final TestClient pages;

    private EditorSession(TestClient pages) {
        this.pages = pages;
    }

    static EditorSession signedIn(int port) {
        return new EditorSession(TestClient.onPort(port).signedIn("editor", "editor-dev-password"));
    }

    /** A new article with numbered groups and sub-items, a callout, citations and two references. */
    static Map<String, String> richArticle(String title) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("slug", "editor-" + UUID.randomUUID().toString().substring(0, 8));
        fields.put("summary", "What helps, and when to get help.");
        fields.put("sections[0].heading", "What helps");
        fields.put("sections[0].body", """
                Most sprains get better on their own within a few weeks [1].

                1. **Rest the joint**
                   1. Keep weight off it for 2 to 3 days.
                   2. Use crutches if walking hurts [2].
                2. **Ease the swelling**
                   1. Hold an ice pack to it for up to 20 minutes.""");
        fields.put("sections[1].heading", "When to get help");
        fields.put("sections[1].body", """
                > **Get help now**
                > Go to an emergency department if:
                >
                > - the joint looks deformed
                > - you cannot feel your toes""");
        fields.put("references[0].citation", "Example Health Service. Sprains and strains. 2025.");
        fields.put("references[0].url", "https://example.org/sprains");
        fields.put("references[1].citation", "Example Orthopaedic Society. Crutch use after ankle injury. 2024.");
        fields.put("references[1].url", "");
        fields.put("authors", "Erratum editorial team");
        fields.put("ownerName", "Musculoskeletal team");
        fields.put("ownerEmail", "msk-editors@example.org");
        fields.put("reviewIntervalMonths", "12");
        fields.put("topics", "Sprains, first aid");
        return fields;
    }

    /** The same article's fields for its next revision, from {@code revision}. */
    static Map<String, String> revisionOf(Map<String, String> article, int revision, String changeSummary,
            String significance) {
        Map<String, String> fields = new LinkedHashMap<>(article);
        fields.remove("slug");
        fields.put("expectedRevision", String.valueOf(revision));
        fields.put("changeSummary", changeSummary);
        fields.put("significance", significance);
        return fields;
    }

    Response create(Map<String, String> fields, String action) {
        return pages.submit("/editor/articles/new", "/editor/articles", withAction(fields, action));
    }

    /** Creates the article and returns its id. */
    String publish(Map<String, String> fields) {
        Response saved = create(fields, "save");
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        return idIn(saved);
    }

    Response edit(String id) {
        return pages.getText("/editor/articles/" + id + "/edit");
    }

    Response revise(String id, Map<String, String> fields, String action) {
        return pages.submit("/editor/articles/" + id + "/edit", "/editor/articles/" + id, withAction(fields, action));
    }

    /** Sends the form of an edit page this editor opened earlier (and perhaps kept open while someone else saved). */
    Response revise(Response openedPage, String id, Map<String, String> fields,
            String action) {
        return pages.submit(openedPage, "/editor/articles/" + id, withAction(fields, action));
    }

    static String idIn(Response redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        Matcher id = EDIT_PAGE.matcher(location);
        assertThat(id.find()).as(location).isTrue();
        return id.group(1);
    }

    /** The article list's row of an article. */
    static String rowOf(String listPage, String id) {
        int start = listPage.indexOf("id=\"article-" + id + "\"");
        assertThat(start).as("row of %s", id).isPositive();
        return listPage.substring(start, listPage.indexOf("</tr>", start));
    }

    private static Map<String, String> withAction(Map<String, String> fields, String action) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("action", action);
        return form;
    }
}
