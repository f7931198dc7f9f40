package org.erratum.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for a service under test, as a curl user or browser script would call it. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String JSON_TYPES = "application/json, application/problem+json";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;
    private final Map<String, String> headers;

    private ApiClient(String baseUrl, String authorization, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.headers = headers;
    }

    public static ApiClient at(String baseUrl) {
        return new ApiClient(baseUrl, null, Map.of());
    }

    public static ApiClient onPort(int port) {
        return at("http://localhost:" + port);
    }

    /** The same client, signed in with HTTP Basic. */
    public ApiClient as(String username, String password) {
        String token = Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(baseUrl, "Basic " + token, headers);
    }

    /** The same client, sending one more header with every request, e.g. a W3C {@code traceparent}. */
    public ApiClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(baseUrl, authorization, more);
    }

    public Response get(String path) {
        return send(request(path).header("Accept", JSON_TYPES).GET());
    }

    /** A GET accepting anything, for pages and metrics. */
    public Response getText(String path) {
        return send(request(path).header("Accept", "*/*").GET());
    }

    public Response post(String path, Object body) {
        return sendJson("POST", path, body);
    }

    public Response put(String path, Object body) {
        return sendJson("PUT", path, body);
    }

    public Response delete(String path) {
        return send(request(path).header("Accept", JSON_TYPES).DELETE());
    }

    /**
     * The same client signed in as a development account ({@code <name>-dev-password}), or left anonymous for the
     * caller {@code anonymous}: the callers of an authorization matrix.
     */
    public ApiClient asDevAccount(String caller) {
        return "anonymous".equals(caller) ? this : as(caller, caller + "-dev-password");
    }

    /** Sends a request as an authorization matrix lists it: a GET accepting anything, other methods with {@code {}}. */
    public Response call(String method, String path) {
        return switch (method) {
            case "GET" -> getText(path);
            case "POST" -> post(path, "{}");
            case "PUT" -> put(path, "{}");
            case "DELETE" -> delete(path);
            default -> throw new IllegalArgumentException("No such method in a matrix: " + method);
        };
    }

    /** Sends a raw body with a given content type, for bodies no well-behaved client would send. */
    public Response postRaw(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Response sendJson(String method, String path, Object body) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(request(path).header("Content-Type", "application/json").header("Accept", JSON_TYPES)
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body parsed as JSON when it is JSON. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String text() {
            return raw.body();
        }

        public JsonNode json() {
            return raw.body() == null || raw.body().isBlank() ? JSON.missingNode() : JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status() + " " + raw.body();
        }
    }
}
