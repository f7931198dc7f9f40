package org.erratum.content.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erratum.content.ContentApi.newArticle;
import static org.erratum.content.ContentApi.revision;

import org.erratum.content.ContentApi;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.Scrape;
import org.erratum.testsupport.TestClient.Response;
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

        Response first = api.editor().post("/api/articles", body);
        Response retry = api.editor().post("/api/articles", body);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(revisionsCounted() - counted).isEqualTo(1);
        assertThat(api.reader().getText("/api/articles").json().valueStream()
                .filter(a -> a.get("slug").asString().equals(body.get("slug").asString()))).hasSize(1);
    }

    @Test
    void theSameCreationFromAnotherEditorIsAConflict() {
        ObjectNode body = newArticle("Fexofenadine");
        api.createArticle(body);

        Response other = api.admin().post("/api/articles", body);

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("errors").get(0).get("field").asString()).isEqualTo("slug");
    }

    @Test
    void aRevisionSentAgainAnswersTheSameRevisionAndMakesNoOther() {
        String id = api.createArticle(newArticle("Chlorphenamine")).get("id").asString();
        ObjectNode edit = revision(1, "Chlorphenamine: drowsiness", "Said it makes you drowsy", "MAJOR");
        double counted = revisionsCounted();

        Response first = api.editor().put("/api/articles/" + id, edit);
        Response retry = api.editor().put("/api/articles/" + id, edit);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(first.json().get("revision").asInt()).isEqualTo(2);
        assertThat(revisionsCounted() - counted).isEqualTo(1);
        JsonNode history = api.reader().getText("/api/articles/" + id + "/revisions").json();
        assertThat(history.valueStream().map(r -> r.get("revision").asInt())).containsExactly(1, 2);
    }

    @Test
    void aRevisionSentAgainAfterALaterOneStillAnswersAndAnotherEditIsAConflict() {
        String id = api.createArticle(newArticle("Promethazine")).get("id").asString();
        ObjectNode edit = revision(1, "Promethazine: children", "Not for under-6s", "MAJOR");
        api.editor().put("/api/articles/" + id, edit);
        api.editor().put("/api/articles/" + id, revision(2, "Promethazine: dose", "Dose per age", "MINOR"));

        Response lateRetry = api.editor().put("/api/articles/" + id, edit);
        Response otherEdit = api.editor().put("/api/articles/" + id,
                revision(1, "Promethazine: something else", "Not for under-6s", "MAJOR"));

        assertThat(lateRetry.status()).as(lateRetry.body()).isEqualTo(200);
        assertThat(lateRetry.json().get("revision").asInt()).isEqualTo(3);
        assertThat(otherEdit.status()).isEqualTo(409);
        assertThat(api.reader().getText("/api/articles/" + id + "/revisions").json()).hasSize(3);
    }
}
