package org.erratum.feedback.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.erratum.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The article page's scripts may call the JSON API from the article site's origin, and only from there. */
@IntegrationTest
class CorsIntegrationTests {

    private static final String ARTICLE_SITE = "http://localhost:8081"; // erratum.feedback.allowed-origins default

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aPreflightFromTheArticleSiteIsAllowedWithCredentials() throws Exception {
        for (String path : new String[] { "/api/feedback/votes", "/api/feedback/reports" }) {
            HttpResponse<String> response = preflight(path, ARTICLE_SITE);

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(ARTICLE_SITE);
            assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
            assertThat(header(response, "Access-Control-Allow-Methods")).isEqualTo("POST");
            assertThat(header(response, "Access-Control-Allow-Headers")).isEqualToIgnoringCase("content-type");
        }
    }

    @Test
    void aPreflightFromAForeignOriginIsRefused() throws Exception {
        HttpResponse<String> response = preflight("/api/feedback/reports", "https://evil.example");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(header(response, "Access-Control-Allow-Origin")).isNull();
        assertThat(header(response, "Content-Type")).startsWith("application/problem+json");
        assertThat(JsonMapper.builder().build().readTree(response.body()).at("/errors/0/field").asString())
                .isEqualTo("Origin");
    }

    @Test
    void theFormEndpointsAndTheTallyAreNotOpenedToScripts() throws Exception {
        assertThat(header(preflight("/feedback/reports", ARTICLE_SITE), "Access-Control-Allow-Origin")).isNull();
        assertThat(header(preflight("/api/feedback/articles/a/revisions/1/helpfulness", ARTICLE_SITE),
                "Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aJsonCallFromTheArticleSiteIsAnsweredWithTheCorsHeaders() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/api/feedback/votes"))
                .header("Origin", ARTICLE_SITE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"articleId\":\"no-such-article\",\"revision\":1,"
                        + "\"helpful\":true}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(ARTICLE_SITE);
        assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
    }

    private HttpResponse<String> preflight(String path, String origin) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
