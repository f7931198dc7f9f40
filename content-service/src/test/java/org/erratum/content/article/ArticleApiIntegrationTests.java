package org.erratum.content.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.apache.kafka.common.config.TopicConfig;

import org.erratum.content.ContentApi;
import org.erratum.events.CloudEventHeaders;
import org.erratum.events.Topics;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erratum.content.ContentApi.newArticle;
import static org.erratum.content.ContentApi.revision;

@IntegrationTest
class ArticleApiIntegrationTests {

    @LocalServerPort
    int port;

    ContentApi api;

    @BeforeEach
    void connect() {
        api = new ContentApi(port);
    }

    @Test
    void whenEditorCreatesArticleThenItIsPublishedAtRevisionOneAndUnreviewed() {
        Response response = api.editor().post("/api/articles", newArticle("Ibuprofen for adults"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode created = response.json();
        String id = created.get("id").asString();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/articles/" + id);
        assertThat(created.get("title").asString()).isEqualTo("Ibuprofen for adults");
        assertThat(created.get("revision").asInt()).isEqualTo(1);
        assertThat(created.get("medicalReviewer").isNull()).isTrue();
        assertThat(created.get("lastReviewedAt").isNull()).isTrue();
        assertThat(created.get("reviewIntervalMonths").asInt()).isEqualTo(24);
        Instant publishedAt = Instant.parse(created.get("publishedAt").asString());
        assertThat(created.get("nextReviewDue").asString())
                .isEqualTo(LocalDate.ofInstant(publishedAt, ZoneOffset.UTC).plusMonths(24).toString());
        assertThat(api.getArticle(id)).isEqualTo(created);

        JsonNode revisions = api.reader().getText("/api/articles/" + id + "/revisions").json();
        assertThat(revisions).hasSize(1);
        assertThat(revisions.get(0).get("revision").asInt()).isEqualTo(1);
        assertThat(revisions.get(0).get("changeSummary").asString()).isEqualTo("First published");
        assertThat(revisions.get(0).get("significance").asString()).isEqualTo("MAJOR");
        assertThat(revisions.get(0).get("editor").asString()).isEqualTo("editor");
    }

    @Test
    void whenEditorRevisesThenRevisionAndLastModifiedMoveButLastReviewedDoesNot() {
        JsonNode created = api.createArticle(newArticle("Aspirin for adults"));
        String id = created.get("id").asString();

        Response response = api.editor().put("/api/articles/" + id,
                revision(1, "Aspirin for adults: how to take it", "Clarified the dose", "MAJOR"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode revised = response.json();
        assertThat(revised.get("revision").asInt()).isEqualTo(2);
        assertThat(revised.get("title").asString()).isEqualTo("Aspirin for adults: how to take it");
        assertThat(Instant.parse(revised.get("lastModifiedAt").asString()))
                .isAfter(Instant.parse(created.get("lastModifiedAt").asString()));
        assertThat(revised.get("lastReviewedAt").isNull()).isTrue();
        assertThat(revised.get("medicalReviewer").isNull()).isTrue();
        assertThat(revised.get("nextReviewDue")).isEqualTo(created.get("nextReviewDue"));
        assertThat(revised.get("publishedAt")).isEqualTo(created.get("publishedAt"));

        JsonNode first = api.reader().getText("/api/articles/" + id + "/revisions/1").json();
        assertThat(first.get("title").asString()).isEqualTo("Aspirin for adults");
        JsonNode second = api.reader().getText("/api/articles/" + id + "/revisions/2").json();
        assertThat(second.get("title").asString()).isEqualTo("Aspirin for adults: how to take it");
        assertThat(second.get("changeSummary").asString()).isEqualTo("Clarified the dose");
        assertThat(second.get("editor").asString()).isEqualTo("editor");
        assertThat(api.reader().getText("/api/articles/" + id + "/revisions").json()).hasSize(2);
    }

    @Test
    void whenExpectedRevisionIsStaleThenTheRevisionIsRejectedWithConflict() {
        String id = api.createArticle(newArticle("Codeine")).get("id").asString();
        assertThat(api.editor().put("/api/articles/" + id, revision(1, "Codeine: first edit", "Edit", "MINOR"))
                .status()).isEqualTo(200);

        Response stale = api.editor().put("/api/articles/" + id,
                revision(1, "Codeine: edit based on revision 1", "Edit", "MINOR"));

        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.json().get("errors").get(0).get("field").asString()).isEqualTo("expectedRevision");
        JsonNode current = api.getArticle(id);
        assertThat(current.get("revision").asInt()).isEqualTo(2);
        assertThat(current.get("title").asString()).isEqualTo("Codeine: first edit");
    }

    @Test
    void ownerTopicsAndIntervalAreSetOnCreationChangedOnRevisionAndKeptWhenARevisionLeavesThemOut() {
        ObjectNode body = newArticle("Heartburn");
        body.putObject("owner").put("name", "Digestive health team").put("email", "gut@example.org");
        body.putArray("topics").add("Digestion").add("medicines");
        JsonNode created = api.createArticle(body);
        String id = created.get("id").asString();
        assertThat(created.get("owner").get("name").asString()).isEqualTo("Digestive health team");
        assertThat(created.get("topics").toString()).isEqualTo("[\"digestion\",\"medicines\"]");

        // a client that knows nothing of settings, like the README's curl loop
        assertThat(api.editor().put("/api/articles/" + id, revision(1, "Heartburn", "Wording", "MINOR")).status())
                .isEqualTo(200);
        JsonNode kept = api.getArticle(id);
        assertThat(kept.get("owner")).isEqualTo(created.get("owner"));
        assertThat(kept.get("topics")).isEqualTo(created.get("topics"));
        assertThat(kept.get("nextReviewDue")).isEqualTo(created.get("nextReviewDue"));

        ObjectNode revision = revision(2, "Heartburn", "Review it yearly", "MINOR");
        revision.put("reviewIntervalMonths", 12);
        revision.putArray("topics").add("digestion");
        revision.put("answersItem", "65f1a2b3c4d5e6f708192a3b");
        JsonNode revised = api.editor().put("/api/articles/" + id, revision).json();
        Instant publishedAt = Instant.parse(created.get("publishedAt").asString());
        assertThat(revised.get("reviewIntervalMonths").asInt()).isEqualTo(12);
        assertThat(revised.get("nextReviewDue").asString()).as("counted from first publication, never reviewed")
                .isEqualTo(LocalDate.ofInstant(publishedAt, ZoneOffset.UTC).plusMonths(12).toString());
        assertThat(revised.get("topics").toString()).isEqualTo("[\"digestion\"]");
        assertThat(revised.get("owner")).isEqualTo(created.get("owner"));
        assertThat(api.reader().getText("/api/articles/" + id + "/revisions/3").json().get("answersItem").asString())
                .isEqualTo("65f1a2b3c4d5e6f708192a3b");
    }

    @Test
    void invalidOwnersTopicsAndItemIdsAreRefusedNamingTheField() {
        ObjectNode badEmail = newArticle("Title");
        badEmail.putObject("owner").put("name", "Team").put("email", "not an address");
        assertRejected(badEmail, "owner.email");
        ObjectNode noName = newArticle("Title");
        noName.putObject("owner").put("email", "team@example.org");
        assertRejected(noName, "owner.name");
        ObjectNode longTopic = newArticle("Title");
        longTopic.putArray("topics").add("t".repeat(61));
        assertRejected(longTopic, "topics[0]");
        String id = api.createArticle(newArticle("Antacids")).get("id").asString();
        ObjectNode badItem = revision(1, "Antacids", "Fix", "MINOR");
        badItem.put("answersItem", "<script>");
        Response refused = api.editor().put("/api/articles/" + id, badItem);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("answersItem");
        assertThat(api.getArticle(id).get("revision").asInt()).isEqualTo(1);
    }

    @Test
    void whenSlugIsTakenThenCreationIsRejectedWithConflict() {
        ObjectNode body = newArticle("Naproxen");
        api.createArticle(body);

        Response duplicate = api.editor().post("/api/articles", body.put("title", "Naproxen again"));

        assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(409);
        assertThat(duplicate.json().get("errors").get(0).get("field").asString()).isEqualTo("slug");
    }


    @Test
    void whenABodyLeavesTheFormatThenEachSuchSectionIsNamedAndNothingIsStored() {
        ObjectNode body = newArticle("Cetirizine");
        var sections = body.putArray("sections");
        sections.addObject().put("heading", "Fine").put("body", "Take one tablet a day [1].\n\n- with water");
        sections.addObject().put("heading", "HTML").put("body", "Fine line.\n\n<script>alert(1)</script>");
        sections.addObject().put("heading", "Citation").put("body", "As shown [1, 2].");
        sections.addObject().put("heading", "Deep").put("body", "- a\n  - b\n    - c");

        Response refused = api.editor().post("/api/articles", body);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode errors = refused.json().get("errors");
        assertThat(errors).extracting(error -> error.get("field").asString())
                .containsExactly("sections[1].body", "sections[2].body", "sections[3].body");
        assertThat(errors.get(0).get("message").asString()).startsWith("line 3: raw HTML is not allowed");
        assertThat(errors.get(1).get("message").asString())
                .isEqualTo("line 1: [1, 2] cites reference 2, but the article lists 1 reference");
        assertThat(errors.get(2).get("message").asString()).isEqualTo("line 3: lists nest at most 2 levels deep");
        assertThat(api.reader().getText("/articles/" + body.get("slug").asString()).status()).isEqualTo(404);
    }

    @Test
    void whenARevisionLeavesTheFormatThenTheArticleStaysAtItsRevision() {
        String id = api.createArticle(newArticle("Fexofenadine")).get("id").asString();
        ObjectNode body = revision(1, "Fexofenadine", "Added a picture", "MINOR");
        body.putArray("sections").addObject().put("heading", "What it is")
                .put("body", "![a tablet](https://a.example/tablet.png)");

        Response refused = api.editor().put("/api/articles/" + id, body);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("sections[0].body");
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("sections[0].body: line 1: images are not part of the format");
        assertThat(api.getArticle(id).get("revision").asInt()).isEqualTo(1);
    }

    @Test
    void hugeBodiesAreRefusedBySectionAndByArticle() {
        ObjectNode oneHuge = newArticle("Hay fever");
        oneHuge.putArray("sections").addObject().put("heading", "Long").put("body", "x".repeat(20_001));
        assertRejected(oneHuge, "sections[0].body");

        ObjectNode manyLong = newArticle("Hay fever");
        var sections = manyLong.putArray("sections");
        for (int i = 0; i < 11; i++) {
            sections.addObject().put("heading", "Part " + i).put("body", "word ".repeat(3_900));
        }
        assertRejected(manyLong, "sections");
    }

    @Test
    void whenRevisionHasNoChangeSummaryThenBadRequestNamesIt() {
        String id = api.createArticle(newArticle("Loratadine")).get("id").asString();
        ObjectNode body = revision(1, "Loratadine", "unused", "MINOR");
        body.remove("changeSummary");

        Response response = api.editor().put("/api/articles/" + id, body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("changeSummary");
        assertThat(api.getArticle(id).get("revision").asInt()).isEqualTo(1);
    }

    @Test
    void onlyEditorsChangeArticles() {
        assertThat(api.reader().post("/api/articles", newArticle("Anonymous")).status()).isEqualTo(401);
        assertThat(api.reviewer().post("/api/articles", newArticle("Reviewer")).status()).isEqualTo(403);
        String id = api.createArticle(newArticle("Cetirizine")).get("id").asString();
        assertThat(api.reader().put("/api/articles/" + id, revision(1, "T", "S", "MINOR")).status())
                .isEqualTo(401);
        assertThat(api.reviewer().put("/api/articles/" + id, revision(1, "T", "S", "MINOR")).status())
                .isEqualTo(403);
        assertThat(api.getArticle(id).get("revision").asInt()).isEqualTo(1);
    }

    @Test
    void unknownArticleIsNotFound() {
        Response response = api.reader().getText("/api/articles/no-such-article");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("title").asString()).isEqualTo("Not found");
        assertThat(api.reader().getText("/api/articles/no-such-article/revisions").status()).isEqualTo(404);
    }

    @Test
    void healthAndMetricsArePublicButOtherActuatorEndpointsAreNot() {
        assertThat(api.reader().getText("/actuator/health").status()).isEqualTo(200);
        assertThat(api.reader().getText("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(api.reader().getText("/actuator/env").status()).isIn(401, 403, 404);
    }

    @Test
    void whenArticleChangesThenItsFullStateIsAnnouncedWithCloudEventsHeaders() {
        String id = api.createArticle(newArticle("Omeprazole")).get("id").asString();
        api.editor().put("/api/articles/" + id, revision(1, "Omeprazole: revised", "Revised", "MINOR"));

        var record = TopicProbe.awaitRecord(Topics.ARTICLES,
                r -> id.equals(r.key()) && ContentApi.JSON.readTree(r.value()).get("version").asLong() == 2);

        assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("erratum.content.article-changed.v1");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(id);
        assertThat(TopicProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/erratum/content-service");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TopicProbe.header(record, CloudEventHeaders.ID)).isNotBlank();
        JsonNode event = ContentApi.JSON.readTree(record.value());
        assertThat(event.get("articleId").asString()).isEqualTo(id);
        assertThat(event.get("change").asString()).isEqualTo("REVISED");
        assertThat(event.get("revision").asInt()).isEqualTo(2);
        assertThat(event.get("title").asString()).isEqualTo("Omeprazole: revised");
        assertThat(event.get("latestRevision").get("changeSummary").asString()).isEqualTo("Revised");
        assertThat(event.get("sections").get(0).get("heading").asString()).isEqualTo("What it is");
        assertThat(event.get("sections").get(0).get("body").asString()).isEqualTo("The revised section.");
        assertThat(event.get("sections").get(0).get("blocks").get(0).get("text").asString())
                .isEqualTo("The revised section.");
        assertThat(event.get("nextReviewDue").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(Instant.parse(event.get("lastModifiedAt").asString())).isNotNull();
    }

    @Test
    void articlesTopicIsCompactedSoItKeepsEveryArticlesLatestState() {
        String id = api.createArticle(newArticle("Eczema")).get("id").asString();
        TopicProbe.awaitRecord(Topics.ARTICLES, r -> id.equals(r.key()));

        assertThat(TopicProbe.topicConfig(Topics.ARTICLES, TopicConfig.CLEANUP_POLICY_CONFIG)).isEqualTo("compact");
    }

    private void assertRejected(ObjectNode body, String field) {
        Response response = api.editor().post("/api/articles", body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors")).as(response.body())
                .anySatisfy(error -> assertThat(error.get("field").asString()).isEqualTo(field));
    }
}
