package org.erratum.feedback.intake;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.erratum.feedback.TestArticles;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.report.Report;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports limit on the running service. The test sends from a client address of its own, 127.0.0.2 (all of
 * 127.0.0.0/8 is loopback), so draining that client's allowance leaves every other test's, which call from
 * 127.0.0.1, untouched. The allowance is the test configuration's (src/test/resources/config/application.yml).
 */
@IntegrationTest
class RateLimitIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String FORM = "application/x-www-form-urlencoded";

    /** Tokens that may come back while a test spends the allowance: one per 18 s at the test's 200 an hour. */
    private static final long REFILL_SLACK = 20;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    IntakeProperties properties;

    @Test
    void overTheReportsLimitAClientGets429WithRetryAfterAndNothingIsStored() throws IOException {
        String articleId = TestArticles.newArticleId();
        KnownArticle article = TestArticles.publishAndAwait(TestArticles.article(articleId, "codeine-" + articleId,
                1, 1), mongo);
        long capacity = properties.rateLimits().reports().capacity();

        // every attempt counts against the allowance, even one about an unknown article (which stores nothing); on
        // a slow machine a token may come back while they are sent (the allowance refills evenly), hence "at least"
        long attempts = 0;
        while (postReportFrom127002("no-such-article").status() == 422) {
            attempts++;
            assertThat(attempts).as("attempts before the limit").isLessThanOrEqualTo(capacity + REFILL_SLACK);
        }
        assertThat(attempts).as("attempts before the limit").isGreaterThanOrEqualTo(capacity);
        long reportsBefore = mongo.count(new Query(), Report.class);

        Response refused = postReportFrom127002(article.articleId());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("retry-after"))).isPositive();
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("title").asString()).isEqualTo("Too many requests");
        assertThat(mongo.count(new Query(), Report.class)).isEqualTo(reportsBefore);
    }

    @Test
    void overTheLimitAReaderWithoutJavaScriptIsSentBackToTheArticleWhichSaysToTryAgainLater() throws IOException {
        String articleId = TestArticles.newArticleId();
        KnownArticle article = TestArticles.publishAndAwait(TestArticles.article(articleId, "ibuprofen-" + articleId,
                1, 1), mongo);
        InetAddress client = InetAddress.getByName("127.0.0.3");
        String form = "articleId=" + articleId + "&revision=1&category=OTHER&comment=The+second+table+is+out+of+date";
        long capacity = properties.rateLimits().reports().capacity();
        // no form token: sent back naming it, but counted against the allowance like any attempt
        long attempts = 0;
        for (Response sent = post(client, "/feedback/reports", FORM, form);
                !String.valueOf(sent.header("location")).contains("feedback=unavailable");
                sent = post(client, "/feedback/reports", FORM, form)) {
            assertThat(sent.status()).isEqualTo(303);
            attempts++;
            assertThat(attempts).as("attempts before the limit").isLessThanOrEqualTo(capacity + REFILL_SLACK);
        }
        assertThat(attempts).as("attempts before the limit").isGreaterThanOrEqualTo(capacity);
        long reportsBefore = mongo.count(new Query(), Report.class);

        Response refused = post(client, "/feedback/reports", FORM, form);

        assertThat(refused.status()).isEqualTo(303);
        assertThat(refused.header("location")).isEqualTo(
                "http://localhost:8081/articles/" + article.slug() + "?feedback=unavailable#feedback");
        assertThat(Long.parseLong(refused.header("retry-after"))).isPositive();
        assertThat(mongo.count(new Query(), Report.class)).isEqualTo(reportsBefore);
    }

    private Response postReportFrom127002(String articleId) throws IOException {
        String json = """
                {"articleId":"%s","revision":1,"category":"OTHER","comment":"The second table is out of date"}"""
                .formatted(articleId);
        return post(InetAddress.getByName("127.0.0.2"), "/api/feedback/reports", "application/json",
                json);
    }

    private Response post(InetAddress from, String path, String contentType, String content) {
        return TestClient.onPort(port).sendRaw(from, "POST " + path + " HTTP/1.1",
                List.of(Map.entry("Content-Type", contentType)), content.getBytes(StandardCharsets.UTF_8));
    }
}
