package org.erratum.feedback.config;

import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The article page's scripts may call the JSON API from the article site's origin, and only from there. */
@IntegrationTest
class CorsIntegrationTests {

    private static final String ARTICLE_SITE = "http://localhost:8081"; // erratum.feedback.allowed-origins default

    @LocalServerPort
    int port;

    @Test
    void aPreflightFromTheArticleSiteIsAllowedWithCredentials() {
        for (String path : new String[] { "/api/feedback/votes", "/api/feedback/reports" }) {
            Response response = preflight(path, ARTICLE_SITE);

            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ARTICLE_SITE);
            assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
            assertThat(response.header("Access-Control-Allow-Methods")).isEqualTo("POST");
            assertThat(response.header("Access-Control-Allow-Headers")).isEqualToIgnoringCase("content-type");
        }
    }

    @Test
    void aPreflightFromAForeignOriginIsRefused() {
        Response response = preflight("/api/feedback/reports", "https://evil.example");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("Origin");
    }

    @Test
    void theFormEndpointsAndTheTallyAreNotOpenedToScripts() {
        assertThat(preflight("/feedback/reports", ARTICLE_SITE).header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight("/api/feedback/articles/a/revisions/1/helpfulness", ARTICLE_SITE)
                .header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aJsonCallFromTheArticleSiteIsAnsweredWithTheCorsHeaders() {
        Response response = TestClient.onPort(port).withHeader("Origin", ARTICLE_SITE).post("/api/feedback/votes",
                "{\"articleId\":\"no-such-article\",\"revision\":1,\"helpful\":true}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ARTICLE_SITE);
        assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    }

    private Response preflight(String path, String origin) {
        return TestClient.onPort(port).withHeader("Origin", origin)
                .withHeader("Access-Control-Request-Method", "POST")
                .withHeader("Access-Control-Request-Headers", "content-type")
                .send("OPTIONS", path, null, null);
    }
}
