package org.erratum.content.editor;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.erratum.content.ContentApi;
import org.erratum.content.article.Article;
import org.erratum.events.ArticleSignedOff;
import org.erratum.events.Reviewer;
import org.erratum.events.Topics;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.erratum.content.ContentApi.newArticle;

/**
 * "Guidance changed" from the editor's screens: an editor picks a topic and gives a reason, and exactly the articles
 * of that topic fall due for review today, each announced on {@code content.articles} with the reason, without a new
 * revision; the next clinical sign-off clears it.
 */
@IntegrationTest
class GuidanceChangedIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PAGE = "/editor/guidance-changed";
    private static final String REASON = "New NICE guidance on asthma inhalers";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    ContentApi api;
    EditorSession editor;
    String topic;

    @BeforeEach
    void signIn() {
        api = new ContentApi(port);
        editor = EditorSession.signedIn(port);
        topic = "asthma " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void markingATopicMakesExactlyItsArticlesDueTodayAndAnnouncesEachWithTheReason() {
        JsonNode inhalers = create("Asthma inhalers", topic, "lungs");
        JsonNode children = create("Asthma in children", topic);
        JsonNode other = create("Hay fever", "allergy " + topic.substring(7));

        assertThat(editor.pages.get(PAGE).body()).contains(">" + topic + " (2 articles)</option>")
                .contains("<label for=\"reason\">Reason</label>").doesNotContain("error-summary");
        Response marked = mark(topic, REASON);

        assertThat(marked.status()).isEqualTo(302);
        String confirmation = editor.pages.follow(marked).body();
        assertThat(confirmation).contains("2 articles about “" + topic + "” are now due for review.")
                .contains("<strong id=\"marked-reason\">" + REASON + "</strong>")
                .contains("id=\"marked-" + id(inhalers) + "\"").contains("id=\"marked-" + id(children) + "\"")
                .doesNotContain(id(other)).doesNotContain("already-heading");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (JsonNode created : new JsonNode[] {inhalers, children}) {
            JsonNode stored = api.getArticle(id(created));
            assertThat(stored.get("nextReviewDue").asString()).isEqualTo(today);
            assertThat(stored.get("revision").asInt()).as("not a revision").isEqualTo(1);
            assertThat(stored.get("lastModifiedAt")).isEqualTo(created.get("lastModifiedAt"));

            JsonNode announced = ContentApi.JSON.readTree(awaitState(id(created), 2).value());
            assertThat(announced.get("change").asString()).isEqualTo("REVIEWED");
            assertThat(announced.get("nextReviewDue").asString()).isEqualTo(today);
            assertThat(announced.get("revision").asInt()).isEqualTo(1);
            assertThat(announced.get("reviewRequest").get("reason").asString()).isEqualTo(REASON);
            assertThat(announced.get("reviewRequest").get("by").asString()).isEqualTo("editor");
            assertThat(stored(created).announcePending()).isFalse();
        }
        Article untouched = stored(other);
        assertThat(untouched.version()).isEqualTo(1);
        assertThat(untouched.reviewRequest()).isNull();

        String page = api.reader().getText("/articles/" + inhalers.get("slug").asString()).body();
        assertThat(page).contains("<strong>This page is due for review.</strong>").doesNotContain(REASON);
        assertThat(EditorSession.rowOf(editor.pages.get("/editor?q=asthma+in+children").body(), id(children)))
                .contains("Review requested").contains("Requested: " + REASON);
    }

    @Test
    void sendingTheSameRequestAgainMarksNothingTwiceAndANewReasonReplacesIt() {
        JsonNode article = create("Asthma attacks", topic);
        assertThat(editor.pages.follow(mark(topic, REASON)).body()).contains("1 article about");

        Response again = mark(topic.toUpperCase(), "  " + REASON + " ");

        assertThat(editor.pages.follow(again).body()).contains("0 articles about “" + topic + "” are now due")
                .contains("Already due for review for this reason").contains("id=\"already-" + id(article) + "\"");
        assertThat(stored(article).version()).isEqualTo(2);

        assertThat(mark(topic, "Updated BTS guideline").status()).isEqualTo(302);

        Article replaced = stored(article);
        assertThat(replaced.version()).isEqualTo(3);
        assertThat(replaced.reviewRequest().reason()).isEqualTo("Updated BTS guideline");
    }

    @Test
    void aRequestNeedsAReasonOfLimitedLengthAndATopicInUseAndChangesNothingWithoutThem() {
        JsonNode article = create("Asthma triggers", topic);

        Response noReason = mark(topic, "   ");

        assertThat(noReason.status()).isEqualTo(200);
        assertThat(noReason.body()).contains("<h2 id=\"error-summary-title\">There is a problem</h2>")
                .contains("<a href=\"#reason\">Reason: Say why these articles need review")
                .contains("<p class=\"field-error\" id=\"reason-error\">Say why these articles need review")
                .contains("aria-describedby=\"reason-hint reason-error\"")
                .containsPattern("<option value=\"" + topic + "\" selected=\"selected\">");

        Response tooLong = mark(topic, "x".repeat(201));
        assertThat(tooLong.body()).contains("id=\"reason-error\">Keep the reason to 200 characters or fewer</p>");

        Response unknownTopic = mark("no such topic " + topic, REASON);
        assertThat(unknownTopic.body())
                .contains("id=\"topic-error\">Choose one of the topics articles are tagged with</p>")
                .contains("value=\"" + REASON + "\"");

        Article unchanged = stored(article);
        assertThat(unchanged.version()).isEqualTo(1);
        assertThat(unchanged.reviewRequest()).isNull();
    }

    @Test
    void aClinicalSignOffClearsTheRequestAndARevisionKeepsIt() {
        JsonNode article = create("Asthma medicines", topic);
        String id = id(article);
        mark(topic, REASON);
        assertThat(api.editor().put("/api/articles/" + id,
                ContentApi.revision(1, "Asthma medicines", "Checked the doses", "MINOR")).status()).isEqualTo(200);
        Article revised = stored(article);
        assertThat(revised.revision()).isEqualTo(2);
        assertThat(revised.reviewRequest().reason()).as("an edit is not a clinical review").isEqualTo(REASON);
        assertThat(revised.nextReviewDue()).isEqualTo(LocalDate.now(ZoneOffset.UTC));

        Instant reviewedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        TopicProbe.publish(new ArticleSignedOff(UUID.randomUUID(), reviewedAt, id, 2,
                new Reviewer("Dr Ada Example", "MBBS"), reviewedAt, null));

        Article signedOff = await().atMost(WAIT).until(() -> stored(article), a -> a.lastReviewedAt() != null);
        assertThat(signedOff.reviewRequest()).isNull();
        assertThat(signedOff.nextReviewDue()).isEqualTo(LocalDate.ofInstant(reviewedAt, ZoneOffset.UTC).plusMonths(24));
        JsonNode announced = ContentApi.JSON.readTree(awaitState(id, signedOff.version()).value());
        assertThat(announced.get("reviewRequest").isNull()).isTrue();
        assertThat(api.reader().getText("/articles/" + article.get("slug").asString()).body())
                .doesNotContain("due for review");
    }

    @Test
    void aSignOffMadeBeforeTheRequestLeavesItStanding() {
        JsonNode article = create("Asthma action plans", topic);
        mark(topic, REASON);
        Instant before = stored(article).reviewRequest().at().minus(1, ChronoUnit.HOURS);

        TopicProbe.publish(new ArticleSignedOff(UUID.randomUUID(), before, id(article), 1,
                new Reviewer("Dr Late Post", "MD"), before, null));

        Article signedOff = await().atMost(WAIT).until(() -> stored(article), a -> a.lastReviewedAt() != null);
        assertThat(signedOff.reviewRequest().reason()).isEqualTo(REASON);
        assertThat(signedOff.nextReviewDue()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
    }

    private Response mark(String topicChosen, String reason) {
        return editor.pages.submit(PAGE, PAGE, Map.of("topic", topicChosen, "reason", reason));
    }

    private JsonNode create(String title, String... topics) {
        ObjectNode body = newArticle(title);
        var list = body.putArray("topics");
        for (String t : topics) {
            list.add(t);
        }
        JsonNode created = api.createArticle(body);
        // marking tells apart the states it publishes by version: wait for the first one to be announced
        await().atMost(WAIT).until(() -> !stored(created).announcePending());
        return created;
    }

    private Article stored(JsonNode created) {
        return mongo.findById(id(created), Article.class);
    }

    private static String id(JsonNode created) {
        return created.get("id").asString();
    }

    private static ConsumerRecord<String, String> awaitState(String id, long version) {
        return TopicProbe.awaitRecord(Topics.ARTICLES, r -> id.equals(r.key())
                && ContentApi.JSON.readTree(r.value()).get("version").asLong() == version);
    }
}
