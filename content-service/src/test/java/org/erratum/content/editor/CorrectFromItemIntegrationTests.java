package org.erratum.content.editor;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.erratum.content.ContentApi;
import org.erratum.events.Topics;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.erratum.content.editor.EditorSession.revisionOf;
import static org.erratum.content.editor.EditorSession.richArticle;
import static org.erratum.content.reviewitem.ReviewItemStates.newItemId;
import static org.erratum.content.reviewitem.ReviewItemStates.open;
import static org.erratum.content.reviewitem.ReviewItemStates.passage;
import static org.erratum.content.reviewitem.ReviewItemStates.publish;

/**
 * "Correct this article" from the review console: the editor opens on the current revision with the item's reported
 * passages beside it, and the revision saved from there records the item it answers, on the API, in the history and
 * in the article's state on {@code content.articles}.
 */
@IntegrationTest
class CorrectFromItemIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

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
    void aCorrectionStartedFromAnItemShowsItsPassagesAndRecordsWhichItemItAnswers() {
        Map<String, String> article = richArticle("Sprained wrist");
        String id = editor.publish(article);
        String itemId = newItemId();
        publish(open(id, itemId, 2, null, List.of(passage("Keep weight off it for 2 to 3 days."),
                passage("Use crutches <if> walking hurts"))));
        String editPath = "/editor/articles/" + id + "/edit?item=" + itemId;

        String page = await().atMost(WAIT).until(() -> editor.pages.get(editPath).body(),
                body -> body.contains("class=\"passage\""));

        assertThat(page).contains("<h2 id=\"item-heading\">What readers reported</h2>")
                .contains("<a href=\"http://localhost:8083/console/items/" + itemId + "\">" + itemId + "</a>")
                .contains("<blockquote class=\"passage\">Keep weight off it for 2 to 3 days.</blockquote>")
                .contains("<blockquote class=\"passage\">Use crutches &lt;if&gt; walking hurts</blockquote>")
                .contains("<strong>Safety concern</strong>, on revision")
                .contains("<input type=\"hidden\" name=\"item\" value=\"" + itemId + "\">")
                .as("the editor opens on the current revision").contains("name=\"expectedRevision\" value=\"1\"");

        Map<String, String> correction = revisionOf(article, 1, "Said to rest for 48 hours", "MAJOR");
        correction.put("sections[0].body", article.get("sections[0].body").replace("2 to 3 days", "48 hours"));
        correction.put("item", itemId);
        Response saved = editor.pages.submit(editor.pages.get(editPath), "/editor/articles/" + id,
                withAction(correction));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .as("later saves from this page answer nothing").endsWith("/editor/articles/" + id + "/edit"));
        assertThat(editor.pages.follow(saved).body()).contains("Revision 2 is published.")
                .contains("<a href=\"http://localhost:8083/console/items/" + itemId
                        + "\" id=\"back-to-item\">Back to the review item in the console</a>");
        assertThat(api.revisions(id).get(1).get("answersItem").asString()).isEqualTo(itemId);
        assertThat(api.revisions(id).get(0).get("answersItem").isNull()).isTrue();
        JsonNode announced = ContentApi.JSON.readTree(TopicProbe.awaitRecord(Topics.ARTICLES,
                r -> id.equals(r.key()) && r.value().contains("\"revision\":2")).value());
        assertThat(announced.get("latestRevision").get("answersItem").asString()).isEqualTo(itemId);
        assertThat(announced.get("latestRevision").get("changeSummary").asString())
                .isEqualTo("Said to rest for 48 hours");
        assertThat(editor.pages.get("/editor/articles/" + id + "/history").body())
                .contains("<a href=\"http://localhost:8083/console/items/" + itemId + "\">" + itemId + "</a>");
    }

    @Test
    void anItemWhoseReportsHaveNotArrivedYetIsStillRecorded() {
        Map<String, String> article = richArticle("Sprained thumb");
        String id = editor.publish(article);
        String itemId = newItemId();
        String editPath = "/editor/articles/" + id + "/edit?item=" + itemId;

        Response page = editor.pages.get(editPath);

        assertThat(page.body()).contains("The item's reports have not reached the editor yet.");
        Map<String, String> correction = revisionOf(article, 1, "Clarified", "MINOR");
        correction.put("item", itemId);
        assertThat(editor.pages.submit(page, "/editor/articles/" + id, withAction(correction)).status())
                .isEqualTo(302);
        assertThat(api.revisions(id).get(1).get("answersItem").asString()).isEqualTo(itemId);
    }

    @Test
    void anItemOfAnotherArticleOrAnIdThatIsNoItemIdIsRefused() {
        String id = editor.publish(richArticle("Sprained knee"));
        String other = editor.publish(richArticle("Sprained toe"));
        String itemId = newItemId();
        publish(open(other, itemId, 1, null, List.of(passage("about the toe"))));

        Response otherArticles = await().atMost(WAIT).until(
                () -> editor.pages.get("/editor/articles/" + id + "/edit?item=" + itemId),
                response -> response.status() != 200);

        assertThat(otherArticles.status()).isEqualTo(400);
        assertThat(otherArticles.body()).contains("review item " + itemId + " is about another article");
        Response notAnId = editor.pages.get("/editor/articles/" + id + "/edit?item=%3Cscript%3E");
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.body()).contains("item: is not a review item id").doesNotContain("<script>");
    }

    private static Map<String, String> withAction(Map<String, String> fields) {
        Map<String, String> form = new java.util.LinkedHashMap<>(fields);
        form.put("action", "save");
        return form;
    }
}
