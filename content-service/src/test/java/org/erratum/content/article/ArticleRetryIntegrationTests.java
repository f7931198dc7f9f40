package org.erratum.content.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erratum.content.ContentApi.EDITOR;
import static org.erratum.content.ContentApi.json;
import static org.erratum.content.ContentApi.newArticle;
import static org.erratum.content.ContentApi.revision;

import java.net.http.HttpResponse;

import org.erratum.content.ContentApi;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.Scrape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An editor's create or revise sent again (the answer was lost, the client retried) answers as it did the first time
 * and makes nothing new: the slug and the expected revision say which article and revision the request makes.
 */
@IntegrationTest
class ArticleRetryIntegrationTests {

    private static final ContentApi.Account ADMIN = new ContentApi.Account("admin", "admin-dev-password");

    @LocalServerPort
    int port;

    ContentApi api;

    @BeforeEach
    void connect() {
        api = new ContentApi(port);
    }

    private double revisionsCounted() {
        Scrape scrape = Scrape.of(port);
        return scrape.value("erratum_content_revisions_total", "significance", "MAJOR")
                + scrape.value("erratum_content_revisions_total", "significance", "MINOR");
    }

    @Test
    void aCreationSentAgainAnswersTheSameArticleAndMakesNoOther() {
        ObjectNode body = newArticle("Cetirizine");
        double counted = revisionsCounted();

        HttpResponse<String> first = api.post("/api/articles", body, EDITOR);
        HttpResponse<String> retry = api.post("/api/articles", body, EDITOR);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(json(retry)).isEqualTo(json(first));
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(revisionsCounted() - counted).isEqualTo(1);
        assertThat(json(api.get("/api/articles")).valueStream()
                .filter(a -> a.get("slug").asString().equals(body.get("slug").asString()))).hasSize(1);
    }

    @Test
    void theSameCreationFromAnotherEditorIsAConflict() {
        ObjectNode body = newArticle("Fexofenadine");
        api.createArticle(body);

        HttpResponse<String> other = api.post("/api/articles", body, ADMIN);

        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(json(other).get("errors").get(0).get("field").asString()).isEqualTo("slug");
    }

    @Test
    void aRevisionSentAgainAnswersTheSameRevisionAndMakesNoOther() {
        String id = api.createArticle(newArticle("Chlorphenamine")).get("id").asString();
        ObjectNode edit = revision(1, "Chlorphenamine: drowsiness", "Said it makes you drowsy", "MAJOR");
        double counted = revisionsCounted();

        HttpResponse<String> first = api.put("/api/articles/" + id, edit, EDITOR);
        HttpResponse<String> retry = api.put("/api/articles/" + id, edit, EDITOR);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(json(retry)).isEqualTo(json(first));
        assertThat(json(first).get("revision").asInt()).isEqualTo(2);
        assertThat(revisionsCounted() - counted).isEqualTo(1);
        JsonNode history = json(api.get("/api/articles/" + id + "/revisions"));
        assertThat(history.valueStream().map(r -> r.get("revision").asInt())).containsExactly(1, 2);
    }

    @Test
    void aRevisionSentAgainAfterALaterOneStillAnswersAndAnotherEditIsAConflict() {
        String id = api.createArticle(newArticle("Promethazine")).get("id").asString();
        ObjectNode edit = revision(1, "Promethazine: children", "Not for under-6s", "MAJOR");
        api.put("/api/articles/" + id, edit, EDITOR);
        api.put("/api/articles/" + id, revision(2, "Promethazine: dose", "Dose per age", "MINOR"), EDITOR);

        HttpResponse<String> lateRetry = api.put("/api/articles/" + id, edit, EDITOR);
        HttpResponse<String> otherEdit = api.put("/api/articles/" + id,
                revision(1, "Promethazine: something else", "Not for under-6s", "MAJOR"), EDITOR);

        assertThat(lateRetry.statusCode()).as(lateRetry.body()).isEqualTo(200);
        assertThat(json(lateRetry).get("revision").asInt()).isEqualTo(3);
        assertThat(otherEdit.statusCode()).isEqualTo(409);
        assertThat(json(api.get("/api/articles/" + id + "/revisions"))).hasSize(3);
    }
}
