package org.erratum.feedback.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.erratum.events.Topics;
import org.erratum.feedback.KafkaInspection;
import org.erratum.feedback.TestArticles;
import org.erratum.feedback.contact.Contact;
import org.erratum.feedback.report.Report;
import org.erratum.feedback.vote.Vote;
import org.erratum.platform.web.FormTokens;
import org.erratum.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hostile and broken requests against the real JSON and form endpoints (src/test/resources/intake/
 * hostile-inputs.txt, plus the oversized and deeply nested bodies built below). Every case must get its 4xx as an
 * RFC 9457 problem, and leave nothing stored and nothing published. Spam (a filled honeypot, a too-fast form) is
 * deliberately not here: it is accepted silently, see {@link IntakeIntegrationTests}.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CORPUS = "/intake/hostile-inputs.txt";
    private static final int OVER_THE_BODY_LIMIT = 40 * 1024;

    /** The known article every case is aimed at, at revision 2; made once for the whole corpus. */
    private static String articleId;

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    FormTokens formTokens;

    record Case(String name, int status, String field, String contentType, String path, byte[] body) {

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeEach
    void publishTheTargetArticleOnce() {
        if (articleId == null) {
            String id = TestArticles.newArticleId();
            TestArticles.publishAndAwait(TestArticles.article(id, "hostile-" + id, 2, 2), mongo);
            articleId = id;
        }
    }

    static Stream<Arguments> corpus() {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = HostileInputIntegrationTests.class.getResourceAsStream(CORPUS)) {
            int line = 0;
            for (String text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                line++;
                if (!text.isBlank() && !text.startsWith("#")) {
                    String[] columns = text.split("\t", 4);
                    assertThat(columns).as("line %d of %s", line, CORPUS).hasSize(4);
                    rows.add(new String[] { "line " + line + ": " + columns[2] + " " + abbreviated(columns[3]),
                            columns[0], columns[1], columns[2], columns[3] });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Arguments> cases = new ArrayList<>();
        rows.forEach(row -> cases.add(Arguments.of((Object) row)));
        generated().forEach(row -> cases.add(Arguments.of((Object) row)));
        return cases.stream();
    }

    /** Cases too large to write out by hand. */
    private static List<String[]> generated() {
        String report = "{\"articleId\":\"{article}\",\"revision\":2,\"category\":\"OTHER\",\"comment\":\"%s\"%s}";
        return List.of(
                row("oversized JSON report", "413", "body", "json:/api/feedback/reports",
                        report.formatted("x".repeat(OVER_THE_BODY_LIMIT), "")),
                row("oversized form report", "413", "body", "form:/feedback/reports",
                        "articleId={article}&revision=2&category=OTHER&formToken={token}&comment="
                                + "x".repeat(OVER_THE_BODY_LIMIT)),
                row("oversized JSON vote padded with white space", "413", "body", "json:/api/feedback/votes",
                        "{\"articleId\":\"{article}\",\"revision\":2,\"helpful\":true" + " ".repeat(OVER_THE_BODY_LIMIT)
                                + "}"),
                row("comment nested 5000 arrays deep", "400", "comment", "json:/api/feedback/reports",
                        report.formatted("", "").replace("\"comment\":\"\"",
                                "\"comment\":" + "[".repeat(5000) + "]".repeat(5000))),
                row("body nested 5000 arrays deep", "400", "body", "json:/api/feedback/votes",
                        "[".repeat(5000) + "]".repeat(5000)),
                // deeper than the parser's nesting limit (500), which it reports before the unknown field
                row("unknown field nested 3000 objects deep", "400", "body", "json:/api/feedback/votes",
                        "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)),
                row("revision with 1500 digits", "400", "body", "json:/api/feedback/votes",
                        "{\"articleId\":\"{article}\",\"revision\":" + "9".repeat(1500) + ",\"helpful\":true}"),
                row("comment of 2001 characters", "400", "comment", "json:/api/feedback/reports",
                        report.formatted("c".repeat(2001), "")),
                row("passage of 501 characters", "400", "passage", "json:/api/feedback/reports",
                        report.formatted("The table is out of date", ",\"passage\":\"" + "p".repeat(501) + "\"")),
                row("article id of 201 characters", "400", "articleId", "json:/api/feedback/votes",
                        "{\"articleId\":\"" + "a".repeat(201) + "\",\"revision\":2,\"helpful\":true}"),
                row("contact email of 300 characters", "400", "contactEmail", "json:/api/feedback/reports",
                        report.formatted("The table is out of date", ",\"contactEmail\":\"" + "e".repeat(288)
                                + "@example.org\",\"contactConsent\":true")),
                row("form token of 201 characters", "400", "formToken", "json:/api/feedback/votes",
                        "{\"articleId\":\"{article}\",\"revision\":2,\"helpful\":true,\"formToken\":\""
                                + "1".repeat(201) + "\"}"));
    }

    private static String[] row(String name, String status, String field, String how, String body) {
        return new String[] { name, status, field, how, body };
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyHostileInputIsRefusedWith4xxAndLeavesNoTrace(String[] row) {
        Case hostile = parse(row);
        long votes = mongo.count(new Query(), Vote.class);
        long reports = mongo.count(new Query(), Report.class);
        long contacts = mongo.count(new Query(), Contact.class);

        HttpResponse<String> response = send(hostile);

        assertThat(response.statusCode()).as("%s answered %s", hostile, response.body()).isEqualTo(hostile.status());
        assertThat(response.headers().firstValue("Content-Type")).as(hostile.name())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        if (!"-".equals(hostile.field())) {
            JsonNode errors = JSON.readTree(response.body()).get("errors");
            assertThat(errors).as("errors[] of %s", response.body()).isNotNull();
            assertThat(errors.valueStream().map(e -> e.get("field").asString()).toList()).as(hostile.name())
                    .contains(hostile.field());
        }
        assertThat(mongo.count(new Query(), Vote.class)).as("votes stored").isEqualTo(votes);
        assertThat(mongo.count(new Query(), Report.class)).as("reports stored").isEqualTo(reports);
        assertThat(mongo.count(new Query(), Contact.class)).as("contacts stored").isEqualTo(contacts);
    }

    /**
     * Only stored feedback is ever published (the outbox), and no case stored any; this also checks the topics
     * themselves for anything about the corpus's article, the one every valid-looking case was aimed at.
     */
    @Order(2)
    @Test
    void nothingFromTheCorpusWasPublished() {
        for (String topic : List.of(Topics.VOTES, Topics.REPORTS)) {
            assertThat(KafkaInspection.recordsOn(topic)).as(topic)
                    .noneMatch(r -> articleId.equals(r.key()) || "no-such-article".equals(r.key()));
        }
    }

    private Case parse(String[] row) {
        String how = row[3];
        int split = how.lastIndexOf(":/");
        String type = switch (how.substring(0, split)) {
            case "json" -> "application/json";
            case "form" -> "application/x-www-form-urlencoded";
            default -> how.substring(0, split);
        };
        return new Case(row[0], Integer.parseInt(row[1]), row[2], type, how.substring(split + 1),
                bytes(withPlaceholders(row[4])));
    }

    private String withPlaceholders(String body) {
        Instant now = Instant.now();
        String filled = body;
        int at;
        while ((at = filled.indexOf("{token:")) >= 0) {
            int end = filled.indexOf('}', at);
            String id = filled.substring(at + "{token:".length(), end);
            filled = filled.substring(0, at) + formTokens.issue(id, now.minusSeconds(60)) + filled.substring(end + 1);
        }
        return filled.replace("{token}", formTokens.issue(articleId, now.minusSeconds(60)))
                .replace("{expired}", formTokens.issue(articleId, now.minus(Duration.ofDays(8))))
                .replace("{future}", formTokens.issue(articleId, now.plus(Duration.ofMinutes(5))))
                .replace("{forged}", new FormTokens("not-the-shared-secret").issue(articleId, now.minusSeconds(60)))
                .replace("{other}", formTokens.issue("another-article", now.minusSeconds(60)))
                .replace("{article}", articleId);
    }

    /** UTF-8, except that each \xNN stands for one raw byte, so a case can carry bytes that are not UTF-8. */
    private static byte[] bytes(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        int escape;
        while ((escape = body.indexOf("\\x", at)) >= 0) {
            out.writeBytes(body.substring(at, escape).getBytes(StandardCharsets.UTF_8));
            out.write(Integer.parseInt(body.substring(escape + 2, escape + 4), 16));
            at = escape + 4;
        }
        out.writeBytes(body.substring(at).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private HttpResponse<String> send(Case hostile) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + hostile.path()))
                .header("Content-Type", hostile.contentType())
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(hostile.body()))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviated(String body) {
        return body.length() <= 90 ? body : body.substring(0, 87) + "...";
    }
}
