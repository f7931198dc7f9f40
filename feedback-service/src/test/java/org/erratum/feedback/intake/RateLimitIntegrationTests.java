package org.erratum.feedback.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.erratum.feedback.TestArticles;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.report.Report;
import org.erratum.testsupport.IntegrationTest;
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

        // every attempt counts against the allowance, even one about an unknown article (which stores nothing)
        for (long i = 0; i < capacity; i++) {
            assertThat(postReportFrom127002("no-such-article").status()).isEqualTo(422);
        }
        long reportsBefore = mongo.count(new Query(), Report.class);

        RawResponse refused = postReportFrom127002(article.articleId());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.headers().get("retry-after"))).isPositive();
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
        for (long i = 0; i < properties.rateLimits().reports().capacity(); i++) {
            // no form token: refused (400), but counted against the allowance like any attempt
            assertThat(RawResponse.post(client, port, "/feedback/reports", FORM, form).status()).isEqualTo(400);
        }
        long reportsBefore = mongo.count(new Query(), Report.class);

        RawResponse refused = RawResponse.post(client, port, "/feedback/reports", FORM, form);

        assertThat(refused.status()).isEqualTo(303);
        assertThat(refused.headers().get("location")).isEqualTo(
                "http://localhost:8081/articles/" + article.slug() + "?feedback=unavailable#feedback");
        assertThat(Long.parseLong(refused.headers().get("retry-after"))).isPositive();
        assertThat(mongo.count(new Query(), Report.class)).isEqualTo(reportsBefore);
    }

    private RawResponse postReportFrom127002(String articleId) throws IOException {
        String json = """
                {"articleId":"%s","revision":1,"category":"OTHER","comment":"The second table is out of date"}"""
                .formatted(articleId);
        return RawResponse.post(InetAddress.getByName("127.0.0.2"), port, "/api/feedback/reports", "application/json",
                json);
    }

    /** HTTP/1.1 over a socket bound to a chosen local address, which the JDK's HTTP client cannot do on JDK 17. */
    record RawResponse(int status, Map<String, String> headers, String body) {

        static RawResponse post(InetAddress from, int port, String path, String contentType, String content) {
            byte[] body = content.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n";
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(from, 0));
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                return parse(socket.getInputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static RawResponse parse(InputStream in) throws IOException {
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int endOfHead = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, endOfHead).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = lines[i].substring(0, colon).toLowerCase(Locale.ROOT);
                headers.put(name, lines[i].substring(colon + 1).strip());
            }
            String body = raw.substring(endOfHead + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        }

        private static String unchunk(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
                if (size == 0) {
                    return body.toString();
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size); // ASCII bodies here: chars are bytes
                at = lineEnd + 2 + size + 2;
            }
        }
    }
}
