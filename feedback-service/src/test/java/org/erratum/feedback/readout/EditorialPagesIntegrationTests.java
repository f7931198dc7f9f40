package org.erratum.feedback.readout;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.erratum.events.ReportSubmitted.Category;
import org.erratum.events.VoteCast;
import org.erratum.feedback.TestArticles;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.report.Report;
import org.erratum.feedback.vote.VoteTallies;
import org.erratum.feedback.vote.VoteTallies.RevisionVotes;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TopicProbe;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.erratum.events.ReportSubmitted.Category.INACCURATE;
import static org.erratum.events.ReportSubmitted.Category.OTHER;
import static org.erratum.events.ReportSubmitted.Category.OUT_OF_DATE;
import static org.erratum.events.ReportSubmitted.Category.SAFETY_CONCERN;

/**
 * The editorial pages as an editor sees them, signed in with the form: the figures for seeded votes, reports and
 * revisions, each chart against the table beside it, and reader text shown as text. Votes of past weeks are
 * published on {@code feedback.votes} with the times they were cast, as the relay would have then; reports of past
 * days are stored as intake would have stored them (published). Other test classes share the store, so rows are
 * found by this test's article.
 */
@IntegrationTest
class EditorialPagesIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK);
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMAGE = "<img src=x onerror=alert(1)> Take <b>two</b> tablets";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    VoteTallies tallies;

    private final Instant now = Instant.now();
    private final Instant firstPublished = now.minus(Duration.ofDays(35));
    private final Instant corrected = now.minus(Duration.ofDays(14));
    private KnownArticle article;
    private TestClient editor;

    @BeforeEach
    void anArticleCorrectedTwoWeeksAgo() {
        String articleId = TestArticles.newArticleId();
        String slug = "slug-" + articleId;
        TestArticles.publishAndAwait(TestArticles.revisedAt(articleId, slug, 1, firstPublished, "First published"),
                mongo);
        article = TestArticles.publishAndAwait(TestArticles.revisedAt(articleId, slug, 2, corrected,
                "Corrected the dose"), mongo);
        editor = TestClient.onPort(port).signedInAs("editor");
    }

    @Test
    void theArticlePageShowsHelpfulnessBeforeAndAfterTheCorrectionWithTheRevisionMarked() {
        Instant beforeCorrection = firstPublished.plus(Duration.ofDays(1));
        Instant afterCorrection = corrected.plus(Duration.ofDays(1));
        castVotes(1, beforeCorrection, 1, 4);
        castVotes(2, afterCorrection, 4, 1);
        await().atMost(WAIT).until(() -> tallies.perRevision(article.articleId(), 2)
                .equals(List.of(new RevisionVotes(1, 1, 4), new RevisionVotes(2, 4, 1))));

        Element page = page("/editorial/articles/" + article.articleId());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Helpfulness and reports Paracetamol for adults");
        assertThat(rows(page, "#revisions-table")).containsExactly(
                List.of("1", day(firstPublished), "First published (major)", "1", "4", "20%", "0.57"),
                List.of("2 (current)", day(corrected), "Corrected the dose (major)", "4", "1", "80%", "0.77"));

        Element chart = page.selectFirst("svg#trend-chart");
        assertThat(chart.attr("role")).isEqualTo("img");
        assertThat(chart.attr("aria-labelledby")).isEqualTo("trend-chart-title trend-chart-desc");
        assertThat(page.getElementById("trend-chart-title").text()).startsWith("Helpfulness per week");
        assertThat(page.getElementById("trend-chart-desc").text()).contains(
                "revision 1 20% helpful of 5 votes; revision 2 (current) 80% helpful of 5 votes");
        assertThat(chart.select("g.marker").eachText()).containsExactly(
                "Revision 1 published " + day(firstPublished) + " r1",
                "Revision 2 published " + day(corrected) + " r2");

        List<List<String>> weeks = rows(page, "#weeks-table");
        assertThat(weeks).hasSize(12);
        assertThat(weeks).contains(
                List.of(weekOf(beforeCorrection), "1", "4", "5", "20%", weekOf(beforeCorrection).equals(
                        weekOf(firstPublished)) ? "1" : ""),
                List.of(weekOf(afterCorrection), "4", "1", "5", "80%", weekOf(afterCorrection).equals(
                        weekOf(corrected)) ? "2" : ""));
        assertThat(weeks).filteredOn(week -> week.get(0).equals(weekOf(corrected)))
                .singleElement().satisfies(week -> assertThat(week.get(5)).contains("2"));
        theTrendChartDrawsTheTablesFigures(chart, weeks);
    }

    /** Every week's column says the table's figures, its bars are as tall as they count, and its point is there. */
    private static void theTrendChartDrawsTheTablesFigures(Element chart, List<List<String>> weeks) {
        Elements columns = chart.select("g.week");
        assertThat(columns).hasSize(weeks.size());
        long most = weeks.stream().mapToLong(week -> Long.parseLong(week.get(3))).max().orElseThrow();
        double panel = TrendChart.VOTES_BOTTOM - TrendChart.VOTES_TOP;
        int points = 0;
        for (int i = 0; i < weeks.size(); i++) {
            List<String> week = weeks.get(i);
            long votes = Long.parseLong(week.get(3));
            assertThat(columns.get(i).selectFirst("title").text()).isEqualTo("Week of " + week.get(0) + ": "
                    + week.get(1) + " helpful, " + week.get(2) + " not helpful"
                    + (votes == 0 ? "" : ", " + week.get(4) + " helpful"));
            Elements bars = columns.get(i).select("rect");
            assertThat(Double.parseDouble(bars.get(0).attr("height")))
                    .isCloseTo(panel * Long.parseLong(week.get(1)) / most, within(0.1));
            assertThat(Double.parseDouble(bars.get(1).attr("height")))
                    .isCloseTo(panel * Long.parseLong(week.get(2)) / most, within(0.1));
            points += votes > 0 ? 1 : 0;
        }
        assertThat(chart.select("circle")).hasSize(points);
    }

    @Test
    void theArticlePageCountsReportsByCategoryInEachPeriodAndShowsReaderTextAsText() {
        storeReport(SAFETY_CONCERN, now.minus(Duration.ofDays(1)), SCRIPT, IMAGE, false);
        storeReport(SAFETY_CONCERN, now.minus(Duration.ofDays(1)), null, "a bot", true);
        storeReport(INACCURATE, now.minus(Duration.ofDays(10)), null, "The dose is wrong", false);
        storeReport(OUT_OF_DATE, now.minus(Duration.ofDays(45)), null, "Old guidance", false);

        Response response = editor.getText("/editorial/articles/" + article.articleId());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).contains("default-src 'none'"));
        assertThat(response.body())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt; Take &lt;b&gt;two&lt;/b&gt; tablets")
                .doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>two");
        Element page = Jsoup.parse(response.body());
        List<List<String>> windows = rows(page, "#article-reports-table");
        assertThat(header(page, "#article-reports-table")).containsExactly("Period", "Reports", "Inaccurate",
                "Out of date", "Questionable or missing source", "Broken reference", "Safety concern", "Other");
        assertThat(windows).containsExactly(
                List.of("Last 7 days", "1", "0", "0", "0", "0", "1", "0"),
                List.of("Last 30 days", "2", "1", "0", "0", "0", "1", "0"),
                List.of("Last 90 days", "3", "1", "1", "0", "0", "1", "0"));
        theBarChartDrawsTheTablesFigures(page, "article-reports-chart", "#article-reports-table");
        assertThat(page.select(".reports .report").eachText()).first().asString()
                .startsWith("Safety concern, on revision 2, " + day(now.minus(Duration.ofDays(1))));
        assertThat(page.selectFirst(".reports blockquote.passage").text()).isEqualTo(SCRIPT);
        assertThat(page.selectFirst(".reports .comment").text()).isEqualTo(IMAGE);
        assertThat(page.select(".reports .comment").eachText()).doesNotContain("a bot");
    }

    @Test
    void theOverviewListsTheLeastHelpfulAndTheMostReportedWithEachChartMatchingItsTable() {
        TestClient readers = TestClient.onPort(port);
        for (int i = 0; i < 3; i++) {
            assertThat(readers.post("/api/feedback/votes", Map.of("articleId", article.articleId(), "revision", 2,
                    "helpful", false)).status()).isEqualTo(202);
        }
        storeReport(INACCURATE, now.minus(Duration.ofDays(3)), null, "Wrong", false);
        storeReport(INACCURATE, now.minus(Duration.ofDays(4)), null, "Still wrong", false);
        storeReport(OTHER, now.minus(Duration.ofDays(20)), null, "Hard to follow", false);
        // the readout reads the tallies, which count the votes as they come back from feedback.votes
        await().atMost(WAIT).until(() -> tallies.perRevision(article.articleId(), 2).get(1)
                .equals(new RevisionVotes(2, 0, 3)));

        Element page = page("/editorial");

        Element line = rowOf(page, "#least-helpful-table");
        assertThat(cells(line)).containsExactly("Paracetamol for adults", "2", "0", "3", "0%", "0.58", "Read "
                + "Paracetamol for adults");
        assertThat(line.selectFirst("a[href$=/articles/" + article.slug() + "]").attr("href"))
                .isEqualTo("http://localhost:8081/articles/" + article.slug());
        theBarChartDrawsTheTablesFigures(page, "least-helpful-chart", "#least-helpful-table");
        assertThat(cells(rowOf(page, "#reports-table"))).containsExactly("Paracetamol for adults", "3", "2", "0",
                "0", "0", "0", "1");
        theBarChartDrawsTheTablesFigures(page, "reports-chart", "#reports-table");

        Element lastWeek = page("/editorial?days=7");
        assertThat(lastWeek.selectFirst(".periods a[aria-current=page]").text()).isEqualTo("Last 7 days");
        assertThat(cells(rowOf(lastWeek, "#reports-table"))).containsExactly("Paracetamol for adults", "2", "2",
                "0", "0", "0", "0", "0");
        assertThat(lastWeek.selectFirst("nav.account a[href=http://localhost:8081/editor]").text())
                .isEqualTo("Editor");
    }

    @Test
    void theExportFormDownloadsTheCsvAndARefusedRangeComesBackBesideTheFormAsTyped() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        Response csv = editor.getText("/editorial/feedback.csv?from=" + today + "&to=" + today);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.body()).startsWith("type,acceptedAt,articleId,revision,helpful,reason,category,passage,"
                + "comment,spam\r\n");

        Response refused = editor.getText("/editorial/feedback.csv?from=2026-05-02&to=2026-05-01");

        assertThat(refused.status()).isEqualTo(400);
        Element page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst("#export-problem a[href=#to]").text())
                .isEqualTo("to: must not be before from (2026-05-02)");
        assertThat(page.getElementById("from").val()).isEqualTo("2026-05-02");
        assertThat(page.getElementById("to").val()).isEqualTo("2026-05-01");
    }

    @Test
    void anUnknownArticleOrPeriodIsAPageSayingSo() {
        Response unknown = editor.getText("/editorial/articles/no-such-article");
        Response period = editor.getText("/editorial?days=14");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(Jsoup.parse(unknown.body()).selectFirst("main p").text())
                .isEqualTo("Article no-such-article does not exist");
        assertThat(period.status()).isEqualTo(400);
        assertThat(Jsoup.parse(period.body()).selectFirst("main li").text())
                .isEqualTo("days: must be 7, 30 or 90, or left out for all three");
    }

    @Test
    void theProjectionRemembersEveryRevisionItSawPublished() {
        assertThat(mongo.findById(article.articleId(), org.erratum.feedback.article.ArticleHistory.class)
                .revisions()).extracting(r -> r.revision() + " " + r.changeSummary() + " " + r.at())
                .containsExactly("1 First published " + firstPublished.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                        "2 Corrected the dose " + corrected.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    /**
     * Each row of the chart is the table's row in the same place: its bar's parts say the table's non-zero figures
     * and it ends with the table's total.
     */
    private static void theBarChartDrawsTheTablesFigures(Element page, String chartId, String table) {
        Element chart = page.getElementById(chartId);
        assertThat(chart.attr("role")).isEqualTo("img");
        assertThat(chart.attr("aria-labelledby")).isEqualTo(chartId + "-title " + chartId + "-desc");
        assertThat(page.getElementById(chartId + "-title")).isNotNull();
        assertThat(page.getElementById(chartId + "-desc")).isNotNull();
        List<String> columns = header(page, table);
        List<List<String>> rows = rows(page, table);
        Elements bars = chart.select("g.bar-row");
        assertThat(bars).hasSize(rows.size());
        boolean scores = columns.contains("Smoothed score");
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            Set<String> expected = new HashSet<>();
            String total;
            if (scores) {
                total = row.get(columns.indexOf("Smoothed score"));
                expected.add(row.get(0) + " — Smoothed score: " + total);
            } else {
                total = row.get(1);
                for (int c = 2; c < columns.size(); c++) {
                    if (!row.get(c).equals("0")) {
                        expected.add(row.get(0) + " — " + columns.get(c) + ": " + row.get(c));
                    }
                }
            }
            assertThat(new HashSet<>(bars.get(i).select("rect > title").eachText())).isEqualTo(expected);
            Elements texts = bars.get(i).select("> text");
            assertThat(texts.last().text()).isEqualTo(total);
        }
    }

    private Element page(String path) {
        Response response = editor.getText(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private Element rowOf(Element page, String table) {
        return page.select(table + " tbody tr").stream()
                .filter(row -> row.selectFirst("a[href=/editorial/articles/" + article.articleId() + "]") != null)
                .findFirst().orElseThrow(() -> new AssertionError("no row for the article in " + table));
    }

    private static List<String> header(Element page, String table) {
        return page.select(table + " thead th").eachText();
    }

    private static List<List<String>> rows(Element page, String table) {
        List<List<String>> rows = new ArrayList<>();
        page.select(table + " tbody tr").forEach(row -> rows.add(cells(row)));
        return rows;
    }

    private static List<String> cells(Element row) {
        return row.select("> th, > td").eachText();
    }

    private void castVotes(int revision, Instant at, int yes, int no) {
        for (int i = 0; i < yes + no; i++) {
            TopicProbe.publish(new VoteCast(UUID.randomUUID(), at.plusSeconds(i), article.articleId(), revision,
                    i < yes, null, "reader-" + UUID.randomUUID()));
        }
    }

    private void storeReport(Category category, Instant acceptedAt, String passage, String comment, boolean spam) {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Report(id, article.articleId(), 2, category, passage, comment, false, id, acceptedAt, spam,
                spam ? List.of("honeypot field filled in") : List.of(), true));
    }

    private static String day(Instant instant) {
        return DAY.format(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    private static String weekOf(Instant instant) {
        return DAY.format(LocalDate.ofInstant(instant, ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }
}
