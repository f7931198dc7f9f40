package org.erratum.content;

import java.util.UUID;

import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** content-service's calls named for what they do, on the one test client, as an editor or an anonymous reader. */
public final class ContentApi {

    public static final JsonMapper JSON = TestClient.JSON;

    private final TestClient reader;

    public ContentApi(int port) {
        this.reader = TestClient.onPort(port);
    }

    /** Anonymous, as a reader of the article pages. */
    public TestClient reader() {
        return reader;
    }

    /** The development accounts of application.yml, signed in with HTTP Basic. */
    public TestClient editor() {
        return reader.asDevAccount("editor");
    }

    public TestClient reviewer() {
        return reader.asDevAccount("reviewer");
    }

    public TestClient admin() {
        return reader.asDevAccount("admin");
    }

    /** Creates an article as the editor and returns its view. */
    public JsonNode createArticle(ObjectNode body) {
        Response response = editor().post("/api/articles", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    public JsonNode getArticle(String id) {
        Response response = reader.getText("/api/articles/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The article's revision notes, oldest first. */
    public JsonNode revisions(String id) {
        Response response = reader.getText("/api/articles/" + id + "/revisions");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** A valid creation body with a slug no other test uses. */
    public static ObjectNode newArticle(String title) {
        ObjectNode body = JSON.createObjectNode();
        body.put("slug", "test-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("title", title);
        body.put("summary", "What the article says, in one paragraph.");
        body.putArray("sections").addObject().put("heading", "What it is").put("body", "The first section.");
        body.putArray("references").addObject().put("citation", "NHS. Example page.")
                .put("url", "https://www.nhs.uk/");
        body.putArray("authors").add("Test Author");
        return body;
    }

    /** A valid revision body for an article currently at {@code expectedRevision}. */
    public static ObjectNode revision(int expectedRevision, String title, String changeSummary,
            String significance) {
        ObjectNode body = JSON.createObjectNode();
        body.put("expectedRevision", expectedRevision);
        body.put("title", title);
        body.put("summary", "What the article says, revised.");
        body.putArray("sections").addObject().put("heading", "What it is").put("body", "The revised section.");
        body.putArray("references");
        body.putArray("authors").add("Test Author");
        body.put("changeSummary", changeSummary);
        body.put("significance", significance);
        return body;
    }
}
