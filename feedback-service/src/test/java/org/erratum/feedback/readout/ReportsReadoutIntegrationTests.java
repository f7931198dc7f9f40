package org.erratum.feedback.readout;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.erratum.events.ReportSubmitted.Category;
import org.erratum.feedback.TestArticles;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.report.Report;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erratum.events.ReportSubmitted.Category.BROKEN_REFERENCE;
import static org.erratum.events.ReportSubmitted.Category.INACCURATE;
import static org.erratum.events.ReportSubmitted.Category.OTHER;
import static org.erratum.events.ReportSubmitted.Category.OUT_OF_DATE;
import static org.erratum.events.ReportSubmitted.Category.SAFETY_CONCERN;

/**
 * The reports readout. The service's clock is the real one, so reports from days ago are stored directly, as
 * intake would have stored them then (published, so the relay leaves them alone); today's come through the API.
 * Other test classes leave reported articles in the shared store, so order is checked among this test's articles.
 */
@IntegrationTest
class ReportsReadoutIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private TestClient editor;
    private Instant now;

    @BeforeEach
    void setUp() {
        editor = TestClient.onPort(port).as("editor", "editor-dev-password");
        now = Instant.now();
    }

    @Test
    void genuineReportsAreCountedByCategoryInTheLast7And30And90Days() {
        KnownArticle article = article();
        storeReport(article, SAFETY_CONCERN, daysAgo(1), false);
        storeReport(article, INACCURATE, daysAgo(3), false);
        storeReport(article, INACCURATE, daysAgo(10), false);
        storeReport(article, OUT_OF_DATE, daysAgo(45), false);
        storeReport(article, OTHER, daysAgo(100), false);
        storeReport(article, SAFETY_CONCERN, daysAgo(1), true);
        submitReport(article, BROKEN_REFERENCE);

        JsonNode line = lineOf(article, reports(""));

        assertThat(line.get("title").asString()).isEqualTo("Paracetamol for adults");
        assertThat(line.get("slug").asString()).isEqualTo(article.slug());
        JsonNode windows = line.get("windows");
        assertThat(windows.valueStream().map(w -> w.get("days").asInt())).containsExactly(7, 30, 90);
        assertWindow(windows.get(0), 3, Map.of(SAFETY_CONCERN, 1L, INACCURATE, 1L, BROKEN_REFERENCE, 1L));
        assertWindow(windows.get(1), 4, Map.of(SAFETY_CONCERN, 1L, INACCURATE, 2L, BROKEN_REFERENCE, 1L));
        assertWindow(windows.get(2), 5,
                Map.of(SAFETY_CONCERN, 1L, INACCURATE, 2L, BROKEN_REFERENCE, 1L, OUT_OF_DATE, 1L));
    }

    @Test
    void articlesAreRankedByTheirLast30DaysThenByTheirLast7Days() {
        KnownArticle mostIn30Days = article();
        KnownArticle mostIn90Days = article();
        KnownArticle tiedButMoreRecent = article();
        storeReports(mostIn30Days, 3, daysAgo(20));
        storeReports(mostIn90Days, 1, daysAgo(2));
        storeReports(mostIn90Days, 1, daysAgo(25));
        storeReports(mostIn90Days, 8, daysAgo(60));
        storeReports(tiedButMoreRecent, 2, daysAgo(2));

        List<JsonNode> listed = reports("?limit=100");

        assertThat(listed).extracting(a -> a.get("windows").get(1).get("reports").asLong())
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(only(listed, mostIn30Days, mostIn90Days, tiedButMoreRecent))
                .containsExactly(mostIn30Days.articleId(), tiedButMoreRecent.articleId(), mostIn90Days.articleId());
    }

    @Test
    void oneWindowAlonePicksAndRanksTheArticles() {
        KnownArticle reportedThisWeek = article();
        KnownArticle reportedThisWeekTwice = article();
        KnownArticle reportedThisMonth = article();
        storeReports(reportedThisWeek, 1, daysAgo(1));
        storeReports(reportedThisWeekTwice, 2, daysAgo(6));
        storeReports(reportedThisMonth, 5, daysAgo(8));

        List<JsonNode> listed = reports("?days=7&limit=100");

        assertThat(listed).allSatisfy(a -> assertThat(a.get("windows").valueStream()
                .map(w -> w.get("days").asInt())).containsExactly(7));
        assertThat(only(listed, reportedThisWeek, reportedThisWeekTwice, reportedThisMonth))
                .containsExactly(reportedThisWeekTwice.articleId(), reportedThisWeek.articleId());
    }

    @ParameterizedTest
    @ValueSource(strings = { "days=14", "days=week", "days=", "limit=0", "limit=1000" })
    void aWindowOtherThan7Or30Or90OrALimitOutOfRangeIsAProblemNamingIt(String query) {
        Response response = editor.get("/api/editorial/reports?" + query);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString())
                .isEqualTo(query.substring(0, query.indexOf('=')));
    }

    private static void assertWindow(JsonNode window, long reports, Map<Category, Long> nonZero) {
        assertThat(window.get("reports").asLong()).isEqualTo(reports);
        for (Category category : Category.values()) {
            assertThat(window.get("categories").get(category.name()).asLong()).as(category.name())
                    .isEqualTo(nonZero.getOrDefault(category, 0L));
        }
    }

    private List<JsonNode> reports(String query) {
        Response response = editor.get("/api/editorial/reports" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(Instant.parse(response.json().get("asOf").asString())).isAfterOrEqualTo(now);
        return response.json().get("articles").valueStream().toList();
    }

    private static JsonNode lineOf(KnownArticle article, List<JsonNode> listed) {
        return listed.stream().filter(a -> a.get("articleId").asString().equals(article.articleId())).findFirst()
                .orElseThrow(() -> new AssertionError(article.articleId() + " is not listed in " + listed));
    }

    private static List<String> only(List<JsonNode> listed, KnownArticle... articles) {
        List<String> ids = Arrays.stream(articles).map(KnownArticle::articleId).toList();
        return listed.stream().map(a -> a.get("articleId").asString()).filter(ids::contains).toList();
    }

    private Instant daysAgo(int days) {
        return now.minus(Duration.ofDays(days));
    }

    private KnownArticle article() {
        String articleId = TestArticles.newArticleId();
        return TestArticles.publishAndAwait(TestArticles.article(articleId, "slug-" + articleId, 1, 1), mongo);
    }

    private void submitReport(KnownArticle article, Category category) {
        Response response = TestClient.onPort(port).post("/api/feedback/reports", Map.of(
                "articleId", article.articleId(), "revision", 1, "category", category.name(),
                "comment", "The second reference link no longer opens."));
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
    }

    private void storeReports(KnownArticle article, int count, Instant acceptedAt) {
        for (int i = 0; i < count; i++) {
            storeReport(article, INACCURATE, acceptedAt, false);
        }
    }

    private void storeReport(KnownArticle article, Category category, Instant acceptedAt, boolean spam) {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Report(id, article.articleId(), 1, category, null, "Stored as intake would have, then",
                false, id, acceptedAt, spam, spam ? List.of("honeypot field filled in") : List.of(), true));
    }
}
