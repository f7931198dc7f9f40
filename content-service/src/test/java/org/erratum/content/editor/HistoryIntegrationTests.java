package org.erratum.content.editor;

import java.util.Map;

import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erratum.content.editor.EditorSession.revisionOf;
import static org.erratum.content.editor.EditorSession.richArticle;

/** An article's revision history and the word-level comparison of any two of its revisions. */
@IntegrationTest
class HistoryIntegrationTests {

    @LocalServerPort
    int port;

    EditorSession editor;

    @BeforeEach
    void signIn() {
        editor = EditorSession.signedIn(port);
    }

    @Test
    void theHistoryComparesTheLatestRevisionWithTheOneBeforeAndAnyTwoOnRequest() {
        Map<String, String> article = richArticle("Sprained elbow");
        String id = editor.publish(article);
        Map<String, String> second = revisionOf(article, 1, "Said how long to rest", "MAJOR");
        second.put("sections[0].body", article.get("sections[0].body").replace("2 to 3 days", "48 hours"));
        assertThat(editor.revise(id, second, "save").status()).isEqualTo(302);
        Map<String, String> third = revisionOf(second, 2, "Added a step", "MINOR");
        third.put("sections[0].body", second.get("sections[0].body") + "\n3. **See a physiotherapist**");
        assertThat(editor.revise(id, third, "save").status()).isEqualTo(302);

        String latest = editor.pages.get("/editor/articles/" + id + "/history").body();

        assertThat(latest).contains("Changes from revision 2 to revision 3")
                .contains("<p class=\"diff-line diff-added\"><span class=\"diff-mark\" aria-hidden=\"true\">+</span>"
                        + "<ins><span class=\"visually-hidden\">[added: </span>3. See a physiotherapist<span "
                        + "class=\"visually-hidden\">]</span></ins></p>")
                .doesNotContain("48 hours.<span")
                .contains("<td>Said how long to rest</td>").contains("<td>Added a step</td>")
                .contains("<td>First published</td>");
        assertThat(latest.indexOf("id=\"revision-3\"")).as("newest first").isLessThan(latest.indexOf("id=\"revision-1\""));

        String firstToLast = editor.pages.get("/editor/articles/" + id + "/history?from=1&to=3").body();

        assertThat(firstToLast).contains("Changes from revision 1 to revision 3")
                .contains("<p class=\"diff-line diff-changed\"><span class=\"diff-mark\" aria-hidden=\"true\"> </span>"
                        + "    1. Keep weight off it for <del><span class=\"visually-hidden\">[removed: </span>2 to 3 days."
                        + "<span class=\"visually-hidden\">]</span></del><ins><span class=\"visually-hidden\">[added: "
                        + "</span>48 hours.<span class=\"visually-hidden\">]</span></ins></p>")
                .contains("3. See a physiotherapist")
                .containsPattern("<option value=\"1\" selected=\"selected\">1</option>")
                .as("unchanged lines far from a change are folded").contains("unchanged lines …");
        assertThat(editor.pages.get("/editor/articles/" + id + "/history?from=3&to=1").body())
                .contains("Changes from revision 3 to revision 1")
                .contains("<del><span class=\"visually-hidden\">[removed: </span>3. See a physiotherapist");
    }

    @Test
    void anArticleWithOneRevisionHasNothingToCompare() {
        String id = editor.publish(richArticle("Sprained finger"));

        String history = editor.pages.get("/editor/articles/" + id + "/history").body();

        assertThat(history).contains("This article has one revision so far").doesNotContain("class=\"diff\"");
    }

    @Test
    void anUnknownRevisionOrOneThatIsNoNumberIsAPageSayingSo() {
        String id = editor.publish(richArticle("Sprained hip"));

        Response unknown = editor.pages.get("/editor/articles/" + id + "/history?from=1&to=9");
        Response notANumber = editor.pages.get("/editor/articles/" + id + "/history?from=first");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("Revision 9 of article " + id + " does not exist");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body()).contains("from: is not a value this page offers");
    }
}
