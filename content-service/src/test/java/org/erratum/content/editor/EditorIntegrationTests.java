package org.erratum.content.editor;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.erratum.content.ContentApi;
import org.erratum.content.article.Article;
import org.erratum.events.Topics;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erratum.content.editor.EditorSession.revisionOf;
import static org.erratum.content.editor.EditorSession.richArticle;

/**
 * The editor's screens on the running service: signing in, the article list, creating and revising an article
 * with a preview, the required revision note, and two editors saving the same revision.
 */
@IntegrationTest
class EditorIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    ContentApi api;
    EditorSession editor;

    @BeforeEach
    void signIn() {
        api = new ContentApi(port);
        editor = EditorSession.signedIn(port);
    }

    @Test
    void anEditorSentToTheSignInPageComesBackToThePageTheyAskedFor() {
        TestClient visitor = TestClient.onPort(port).session();
        Response asked = visitor.getText("/editor/articles/new");
        assertThat(asked.status()).isEqualTo(302);
        assertThat(asked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(visitor.follow(asked).body()).contains("<h1>Sign in to the editor</h1>")
                .contains("<label for=\"username\">Username</label>").contains("name=\"_csrf\"");

        Response signedIn = visitor.submit("/login", "/login",
                Map.of("username", "editor", "password", "editor-dev-password"));

        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/editor/articles/new?continue"));
        Response page = visitor.follow(signedIn);
        assertThat(page.body()).contains("<h1>New article</h1>").contains("Signed in as <strong>Dev Editor</strong>");
    }

    @Test
    void aWrongPasswordIsRefusedOnTheSignInPage() {
        TestClient visitor = TestClient.onPort(port).session();

        Response refused = visitor.submit("/login", "/login",
                Map.of("username", "editor", "password", "not-the-password"));

        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/login?error"));
        assertThat(visitor.follow(refused).body()).contains("The username or password is not right.");
        assertThat(visitor.getText("/editor").status()).isEqualTo(302);
    }

    @Test
    void theListShowsEachArticlesReviewStateAndLinksToTheInsightPages() {
        String body = editor.pages.getText("/editor").body();

        assertThat(body).contains("<h1>Articles</h1>")
                .contains(">Paracetamol for adults: how to take it safely</a>")
                .contains("href=\"/editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41/edit\"")
                .contains("href=\"/editor/articles/new\"")
                .contains("<a href=\"http://localhost:8082/editorial\" id=\"nav-insight\">Editorial insight</a>")
                .contains("Erratum editorial team").contains("medicines, pain relief")
                .contains("<th scope=\"col\">Next review due</th>");
    }

    @Test
    void overdueAndDueSoonArticlesAreMarkedInWords() {
        String overdue = editor.publish(richArticle("Overdue sprains"));
        String dueSoon = editor.publish(richArticle("Soon due sprains"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // as if a year had passed: the dates a sign-off or the interval would have set
        setNextReviewDue(overdue, today.minusDays(1));
        setNextReviewDue(dueSoon, today.plusDays(10));

        String body = editor.pages.getText("/editor?q=due+sprains").body();

        assertThat(EditorSession.rowOf(body, overdue)).contains("Review overdue").doesNotContain("Review due soon")
                .contains("Not yet reviewed");
        assertThat(EditorSession.rowOf(body, dueSoon)).contains("Review due soon").doesNotContain("Review overdue");
    }

    @Test
    void searchFindsArticlesByTitleIgnoringCase() {
        String id = editor.publish(richArticle("Ankle Sprain Zebra"));
        editor.publish(richArticle("Wrist sprain"));

        String body = editor.pages.getText("/editor?q=ankle+sprain+ZEBRA").body();

        assertThat(body).contains("1 article with “ankle sprain ZEBRA” in the title")
                .contains("id=\"article-" + id + "\"").doesNotContain(">Wrist sprain</a>");
        assertThat(editor.pages.getText("/editor?q=%28.*").body()).as("the search text is text, not a pattern")
                .contains("No article has “(.*” in its title.");
    }

    @Test
    void anEditorPreviewsANewArticleAndPublishesIt() {
        Map<String, String> article = richArticle("Sprained ankle");

        Response preview = editor.create(article, "preview");

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("<h2 id=\"preview-heading\">Preview</h2>")
                .contains("<p class=\"preview-title\">Sprained ankle</p>")
                .contains("<li><strong>Rest the joint</strong><ol><li>Keep weight off it for 2 to 3 days.</li>")
                .contains("<a href=\"#ref-2\" id=\"cite-2-1\" aria-label=\"Reference 2\">2</a>")
                .contains("<aside class=\"callout\" role=\"note\" aria-labelledby=\"callout-2-1\">")
                .as("what was typed is still in the form").contains("value=\"Musculoskeletal team\"")
                .contains(">Most sprains get better on their own within a few weeks [1].");
        assertThat(api.reader().getText("/articles/" + article.get("slug")).status()).as("a preview saves nothing")
                .isEqualTo(404);

        Response saved = editor.create(article, "save");

        assertThat(saved.status()).isEqualTo(302);
        String id = EditorSession.idIn(saved);
        assertThat(editor.pages.follow(saved).body()).contains("is published at /articles/" + article.get("slug")
                + " as revision 1.");
        JsonNode stored = api.getArticle(id);
        assertThat(stored.get("revision").asInt()).isEqualTo(1);
        assertThat(stored.get("sections").get(0).get("body").asString()).isEqualTo(article.get("sections[0].body"));
        assertThat(stored.get("references")).hasSize(2);
        assertThat(stored.get("references").get(1).get("url").isNull()).isTrue();
        assertThat(stored.get("owner").get("name").asString()).isEqualTo("Musculoskeletal team");
        assertThat(stored.get("owner").get("email").asString()).isEqualTo("msk-editors@example.org");
        assertThat(stored.get("topics").toString()).isEqualTo("[\"sprains\",\"first aid\"]");
        assertThat(stored.get("reviewIntervalMonths").asInt()).isEqualTo(12);
        assertThat(stored.get("nextReviewDue").asString())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusMonths(12).toString());
        JsonNode announced = ContentApi.JSON.readTree(TopicProbe.awaitRecord(Topics.ARTICLES,
                r -> id.equals(r.key())).value());
        assertThat(announced.get("owner").get("email").asString()).isEqualTo("msk-editors@example.org");
        assertThat(announced.get("topics").toString()).isEqualTo("[\"sprains\",\"first aid\"]");
        assertThat(announced.get("latestRevision").get("answersItem").isNull()).isTrue();
    }

    @Test
    void theAddressIsMadeFromTheTitleWhenLeftEmpty() {
        Map<String, String> article = richArticle("Tennis Elbow: what helps?");
        article.put("slug", "");
        String title = "Tennis Elbow " + System.nanoTime();
        article.put("title", title);

        String id = editor.publish(article);

        assertThat(api.getArticle(id).get("slug").asString()).isEqualTo("tennis-elbow-" + title.substring(13));
    }

    @Test
    void aNewArticleNeedsItsTitleASectionAnOwnerAndAValidInterval() {
        Map<String, String> article = richArticle("");
        article.put("sections[0].heading", "");
        article.put("sections[0].body", "");
        article.put("sections[1].heading", "Heading without text");
        article.put("sections[1].body", "");
        article.put("ownerEmail", "not an address");
        article.put("reviewIntervalMonths", "two years");

        Response refused = editor.create(article, "save");

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("<h2 id=\"error-summary-title\">There is a problem</h2>")
                .contains("<a href=\"#title\">Title: Enter a title</a>")
                .as("the emptied first section is gone, so the second is now section 1")
                .contains("<a href=\"#section-1-body\">Section 1 text: Enter the text of this section</a>")
                .contains("<p class=\"field-error\" id=\"section-1-body-error\">Enter the text of this section</p>")
                .contains("<a href=\"#ownerEmail\">Owner&#39;s email address: Enter an email address like name@example.org</a>")
                .contains("Review interval: Enter the review interval as a whole number of months")
                .contains("value=\"Heading without text\"")
                .doesNotContain("id=\"preview-heading\"");
        assertThat(api.reader().getText("/articles/" + article.get("slug")).status()).isEqualTo(404);
    }

    @Test
    void everyRevisionNeedsAChangeSummaryAndASignificance() {
        Map<String, String> article = richArticle("Shin splints");
        String id = editor.publish(article);
        Map<String, String> revision = revisionOf(article, 1, "  ", "");
        revision.put("summary", "A revised summary the editor typed.");

        Response refused = editor.revise(id, revision, "save");

        assertThat(refused.body()).contains("<a href=\"#changeSummary\">Change summary: Say what this revision changes</a>")
                .contains("<a href=\"#significance-MINOR\">Significance: Choose whether the change is minor or major</a>")
                .contains(">A revised summary the editor typed.</textarea>");
        assertThat(api.getArticle(id).get("revision").asInt()).isEqualTo(1);
    }

    @Test
    void anEditorPreviewsARevisionAndSavesItWithItsNoteAndNewSettings() {
        Map<String, String> article = richArticle("Pulled hamstring");
        String id = editor.publish(article);
        Map<String, String> revision = revisionOf(article, 1, "Said how long to rest", "MAJOR");
        revision.put("sections[0].body", article.get("sections[0].body").replace("2 to 3 days", "48 to 72 hours"));
        revision.put("reviewIntervalMonths", "6");
        revision.put("ownerName", "Sports medicine team");

        Response preview = editor.revise(id, revision, "preview");

        assertThat(preview.body()).contains("<li>Keep weight off it for 48 to 72 hours.</li>")
                .contains("Said how long to rest</textarea>")
                .containsPattern("id=\"significance-MAJOR\" name=\"significance\" value=\"MAJOR\"[^>]*checked");
        assertThat(api.getArticle(id).get("revision").asInt()).isEqualTo(1);

        Response saved = editor.revise(id, revision, "save");

        assertThat(saved.status()).isEqualTo(302);
        assertThat(editor.pages.follow(saved).body()).contains("Revision 2 is published.")
                .contains("<span id=\"current-revision\">2</span>");
        JsonNode stored = api.getArticle(id);
        assertThat(stored.get("revision").asInt()).isEqualTo(2);
        assertThat(stored.get("owner").get("name").asString()).isEqualTo("Sports medicine team");
        assertThat(stored.get("nextReviewDue").asString()).as("the new interval counts from first publication")
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusMonths(6).toString());
        JsonNode note = api.revisions(id).get(1);
        assertThat(note.get("changeSummary").asString()).isEqualTo("Said how long to rest");
        assertThat(note.get("significance").asString()).isEqualTo("MAJOR");
        assertThat(note.get("editor").asString()).isEqualTo("editor");
        assertThat(api.reader().getText("/articles/" + article.get("slug")).body())
                .as("a major revision is a correction")
                .contains("Said how long to rest");
    }

    @Test
    void aSectionIsRemovedByEmptyingIt() {
        Map<String, String> article = richArticle("Bruised ribs");
        String id = editor.publish(article);
        Map<String, String> revision = revisionOf(article, 1, "Removed the help section", "MINOR");
        revision.put("sections[1].heading", "");
        revision.put("sections[1].body", "");

        assertThat(editor.revise(id, revision, "save").status()).isEqualTo(302);

        assertThat(api.getArticle(id).get("sections")).hasSize(1);
    }

    @Test
    void whenAnotherEditorSavedFirstTheSecondKeepsWhatTheyTypedAndSeesWhatChanged() {
        Map<String, String> article = richArticle("Frozen shoulder");
        String id = editor.publish(article);
        EditorSession other = EditorSession.signedIn(port);
        Response mine = editor.edit(id);
        Response theirs = other.edit(id);
        Map<String, String> theirRevision = revisionOf(article, 1, "Added physiotherapy", "MINOR");
        theirRevision.put("summary", "Their summary.");
        assertThat(other.revise(theirs, id, theirRevision, "save").status()).isEqualTo(302);
        Map<String, String> myRevision = revisionOf(article, 1, "My careful rewrite", "MAJOR");
        myRevision.put("sections[0].body", "My rewritten text, typed over twenty minutes.");

        Response conflict = editor.revise(mine, id, myRevision, "save");

        assertThat(conflict.status()).isEqualTo(200);
        assertThat(conflict.body()).contains("Someone else saved this article while you were editing")
                .contains("<strong>Your changes are not saved yet</strong>")
                .contains("(“<span>Added physiotherapy</span>”)")
                .contains("href=\"/editor/articles/" + id + "/history?from=1&amp;to=2\" target=\"_blank\"")
                .contains(">My rewritten text, typed over twenty minutes.</textarea>")
                .contains("My careful rewrite</textarea>")
                .contains("name=\"expectedRevision\" value=\"2\"");
        assertThat(api.getArticle(id).get("summary").asString()).isEqualTo("Their summary.");

        Response savedAgain = editor.revise(conflict, id, revisionOf(myRevision, 2, "My careful rewrite",
                "MAJOR"), "save");

        assertThat(savedAgain.status()).isEqualTo(302);
        assertThat(api.getArticle(id).get("sections").get(0).get("body").asString())
                .isEqualTo("My rewritten text, typed over twenty minutes.");
        assertThat(api.getArticle(id).get("revision").asInt()).isEqualTo(3);
    }

    @Test
    void editorPagesForbidScriptsAndFramingAndAnUnknownArticleIsAPageNotAStackTrace() {
        Response list = editor.pages.getText("/editor");
        assertThat(list.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").contains("frame-ancestors 'none'").contains("form-action 'self'"));

        Response unknown = editor.pages.getText("/editor/articles/no-such-article/edit");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("<h1>Not found</h1>").contains("Article no-such-article does not exist");
    }

    private void setNextReviewDue(String id, LocalDate date) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("nextReviewDue", date),
                Article.class);
    }
}
