package org.erratum.content;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the running service over real HTTP, as an editor, a reviewer or an anonymous reader. */
public final class ContentApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** The development accounts of application.yml. */
    public static final Account EDITOR = new Account("editor", "editor-dev-password");
    public static final Account REVIEWER = new Account("reviewer", "reviewer-dev-password");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public ContentApi(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Account(String username, String password) {

        String basicAuthorization() {
            return "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
    }

    public HttpResponse<String> post(String path, Object body, Account account) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(bodyOf(body)), account);
    }

    public HttpResponse<String> put(String path, Object body, Account account) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).PUT(bodyOf(body)), account);
    }

    /** Creates an article as the editor and returns its view. */
    public JsonNode createArticle(ObjectNode body) {
        HttpResponse<String> response = post("/api/articles", body, EDITOR);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    public JsonNode getArticle(String id) {
        HttpResponse<String> response = get("/api/articles/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** The article's revision notes, oldest first. */
    public JsonNode revisions(String id) {
        HttpResponse<String> response = get("/api/articles/" + id + "/revisions");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
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

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(text);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Account account) {
        request.header("Content-Type", "application/json").header("Accept", "*/*");
        if (account != null) {
            request.header("Authorization", account.basicAuthorization());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("Request failed: " + request.build().uri(), e);
        }
    }
}
