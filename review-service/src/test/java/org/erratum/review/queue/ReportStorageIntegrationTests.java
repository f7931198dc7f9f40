package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.platform.migration.Migrations;
import org.erratum.review.Fixtures;
import org.erratum.review.queue.ItemReports.Stored;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Reports are stored apart from their item, one document each: the item keeps counts and the latest few, however many
 * readers report the article, and every report stays readable page by page.
 */
@IntegrationTest
class ReportStorageIntegrationTests {

    private static final Pattern COMMENT = Pattern.compile("<p class=\"comment\">(comment #\\d+)</p>");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Signals signals;

    @Autowired
    QueueProperties properties;

    @Autowired
    ItemStorageMigration migration;

    private ReviewItem itemOf(String articleId) {
        return mongo.findOne(Query.query(Criteria.where("articleId").is(articleId)), ReviewItem.class);
    }

    private List<Stored> storedReportsOf(ReviewItem item) {
        return mongo.find(Query.query(Criteria.where("itemId").is(item.id())).with(Sort.by("seq")), Stored.class);
    }

    private static ReportSubmitted report(String articleId, int n, boolean outcomeRequested) {
        return new ReportSubmitted(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MILLIS), articleId,
                1 + n % 3, n % 2 == 0 ? Category.OUT_OF_DATE : Category.OTHER, "passage " + n, "comment #" + n,
                outcomeRequested);
    }

    @Test
    void aViralArticleKeepsItsItemSmallWithExactCountsAndEveryReportStored() {
        String articleId = Fixtures.newArticleId();
        int reports = properties.reportSample() * 2 + 5;
        for (int n = 1; n <= reports; n++) {
            signals.addReport(report(articleId, n, n % 5 == 0));
        }

        ReviewItem item = itemOf(articleId);
        assertThat(item.reportCount()).isEqualTo(reports);
        assertThat(item.categories().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(reports);
        assertThat(item.readersToBeTold()).isEqualTo(reports / 5);
        assertThat(item.reportedRevisions()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(item.latestReports()).as("the sample is bounded, and the newest").hasSize(properties.reportSample())
                .extracting(ReviewItem.Report::comment).endsWith("comment #" + reports);
        assertThat(storedReportsOf(item)).extracting(Stored::seq)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, reports).mapToObj(Long::valueOf).toList());
        assertThat(mongo.findById(item.id(), Document.class, "review_items")).doesNotContainKey("reports");
    }

    @Test
    void theConsolePagesThroughEveryReportNewestFirst() {
        String articleId = Fixtures.newArticleId();
        int reports = properties.reportSample() * 2 + 5;
        for (int n = 1; n <= reports; n++) {
            signals.addReport(report(articleId, n, false));
        }
        TestClient reviewer = TestClient.onPort(port).signedIn("reviewer", "reviewer-dev-password");
        String page = "/console/items/" + itemOf(articleId).id();

        List<String> shown = new ArrayList<>();
        String body = reviewer.getText(page).body();
        assertThat(body).doesNotContain("id=\"newer-reports\"");
        int pages = 1;
        while (true) {
            shown.addAll(StoredItems.found(COMMENT, body));
            if (!body.contains("id=\"older-reports\"")) {
                break;
            }
            assertThat(body).contains("reportsPage=" + (pages + 1));
            pages++;
            body = reviewer.getText(page + "?reportsPage=" + pages).body();
            assertThat(body).contains("id=\"newer-reports\"");
        }

        assertThat(pages).isEqualTo(3);
        assertThat(shown).as("each report once, newest first").containsExactlyElementsOf(
                IntStream.iterate(reports, n -> n >= 1, n -> n - 1).mapToObj(n -> "comment #" + n).toList());
        assertThat(reviewer.getText(page + "?reportsPage=0").status()).isEqualTo(400);
        assertThat(reviewer.getText(page + "?reportsPage=9").body()).doesNotContain("class=\"comment\"");
    }

    @Test
    void aRedeliveredReportIsCountedOnce() {
        String articleId = Fixtures.newArticleId();
        ReportSubmitted report = report(articleId, 1, true);
        signals.addReport(report);
        signals.addReport(report);

        ReviewItem item = itemOf(articleId);
        assertThat(item.reportCount()).isEqualTo(1);
        assertThat(item.readersToBeTold()).isEqualTo(1);
        assertThat(item.version()).as("the redelivery wrote nothing").isEqualTo(1);
        assertThat(storedReportsOf(item)).hasSize(1);
    }

    /**
     * The item counts a report, then the report is stored: a crash between the two leaves it counted and not stored.
     * Its redelivery after the restart stores it, and counts nothing again.
     */
    @Test
    void aReportCountedJustBeforeACrashIsStoredOnRedeliveryAndNotCountedAgain() {
        String articleId = Fixtures.newArticleId();
        signals.addReport(report(articleId, 1, false));
        ReportSubmitted report = report(articleId, 2, true);
        signals.addReport(report);
        mongo.remove(Query.query(Criteria.where("_id").is(report.eventId().toString())), Stored.class);

        signals.addReport(report);

        ReviewItem item = itemOf(articleId);
        assertThat(item.reportCount()).isEqualTo(2);
        assertThat(item.readersToBeTold()).isEqualTo(1);
        assertThat(item.version()).isEqualTo(2);
        assertThat(storedReportsOf(item)).extracting(Stored::eventId, Stored::seq).containsExactly(
                tuple(item.latestReports().get(0).eventId(), 1L), tuple(report.eventId().toString(), 2L));
    }

    /** An item stored before reports were stored apart embeds them all: after the upgrade it loads and works. */
    @Test
    void anItemStoredInTheOldShapeIsMigratedAndKeepsWorking() {
        String articleId = Fixtures.newArticleId();
        ObjectId id = new ObjectId();
        int embedded = properties.reportSample() + 3;
        List<Document> reports = new ArrayList<>();
        for (int n = 1; n <= embedded; n++) {
            reports.add(new Document("eventId", "old-" + id + "-" + n).append("revision", n <= 2 ? 1 : 2)
                    .append("category", Category.OTHER.name()).append("passage", "old passage " + n)
                    .append("comment", "old comment " + n).append("at", java.util.Date.from(Instant.now()))
                    .append("outcomeRequested", n <= 4));
        }
        Instant now = Instant.now();
        mongo.insert(new Document("_id", id).append("articleId", articleId).append("groupKey", articleId)
                .append("state", ItemState.OPEN.name()).append("sources", List.of(Source.READER_REPORT.name()))
                .append("severity", Severity.HIGH.name()).append("priority", 250.0).append("escalated", false)
                .append("reportCount", embedded).append("categories", new Document(Category.OTHER.name(), embedded))
                .append("reports", reports).append("activity", List.of())
                .append("createdAt", java.util.Date.from(now)).append("updatedAt", java.util.Date.from(now))
                .append("version", 3L), "review_items");
        mongo.remove(Query.query(Criteria.where("_id").is(ItemStorageMigration.MIGRATION)),
                Migrations.COLLECTION);

        migration.afterSingletonsInstantiated();

        ReviewItem item = StoredItems.item(mongo, id.toHexString());
        assertThat(mongo.findById(id, Document.class, "review_items")).doesNotContainKey("reports");
        assertThat(item.reportCount()).isEqualTo(embedded);
        assertThat(item.readersToBeTold()).isEqualTo(4);
        assertThat(item.reportedRevisions()).containsExactlyInAnyOrder(1, 2);
        assertThat(item.readersSawBefore(3)).isEqualTo(2);
        assertThat(item.latestReports()).hasSize(properties.reportSample())
                .extracting(ReviewItem.Report::comment).endsWith("old comment " + embedded);
        assertThat(storedReportsOf(item)).hasSize(embedded).last().extracting(Stored::seq)
                .isEqualTo((long) embedded);

        signals.addReport(new ReportSubmitted(UUID.randomUUID(), Instant.now(), articleId, 2, Category.OTHER, null,
                "new", false));
        ReviewItem joined = StoredItems.item(mongo, id.toHexString());
        assertThat(joined.reportCount()).isEqualTo(embedded + 1);
        assertThat(storedReportsOf(joined)).hasSize(embedded + 1).last().extracting(Stored::seq)
                .isEqualTo((long) embedded + 1);

        mongo.remove(Query.query(Criteria.where("_id").is(ItemStorageMigration.MIGRATION)),
                Migrations.COLLECTION);
        migration.afterSingletonsInstantiated();
        assertThat(StoredItems.item(mongo, id.toHexString())).as("run again, it changes nothing")
                .isEqualTo(joined);
        assertThat(storedReportsOf(joined)).hasSize(embedded + 1);
    }
}
