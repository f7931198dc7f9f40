package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.platform.migration.Migrations;
import org.erratum.platform.web.IdempotencyKey;
import org.erratum.review.Fixtures;
import org.erratum.review.queue.ItemActivity.Line;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.ErrorResponseException;

/**
 * An item keeps only the latest lines of its activity log; every line is stored apart, numbered, and the console pages
 * through all of them. A keyed retry is recognised however long ago its line left the item.
 */
@IntegrationTest
class ActivityStorageIntegrationTests {

    private static final Pattern DETAIL = Pattern.compile("<td>(note #\\d+)</td>");
    private static final Staff REVIEWER = new Staff("reviewer", false);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Signals signals;

    @Autowired
    ItemNotes notes;

    @Autowired
    Claims claims;

    @Autowired
    QueueProperties properties;

    @Autowired
    ItemStorageMigration migration;

    private ReviewItem reported() {
        String articleId = Fixtures.newArticleId();
        signals.addReport(new ReportSubmitted(UUID.randomUUID(), Instant.now(), articleId, 1, Category.OTHER, null,
                "a report", false));
        return mongo.findOne(Query.query(Criteria.where("articleId").is(articleId)), ReviewItem.class);
    }

    private List<Line> storedLinesOf(String itemId) {
        return mongo.find(Query.query(Criteria.where("itemId").is(itemId)).with(Sort.by("seq")), Line.class);
    }

    @Test
    void aLongLogStaysBoundedInTheItemAndWholeApart() {
        ReviewItem item = reported();
        int lines = properties.activityKept() + 12;
        IdempotencyKey first = new IdempotencyKey("first-note-" + item.id());
        notes.note(item.id(), REVIEWER, "note #1", first);
        for (int n = 2; n <= lines; n++) {
            notes.note(item.id(), REVIEWER, "note #" + n, IdempotencyKey.random());
        }

        ReviewItem logged = StoredItems.item(mongo, item.id());
        assertThat(logged.activity()).hasSize(properties.activityKept())
                .extracting(ReviewItem.Activity::detail).endsWith("note #" + lines);
        assertThat(logged.activityCount()).isEqualTo(lines);
        assertThat(storedLinesOf(item.id())).extracting(Line::seq)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, lines).mapToObj(Long::valueOf).toList());

        notes.note(item.id(), REVIEWER, "note #1", first);
        assertThat(StoredItems.item(mongo, item.id()).activityCount())
                .as("the first note's retry, long out of the item, is recognised").isEqualTo(lines);
        assertThatThrownBy(() -> notes.note(item.id(), REVIEWER, "another text", first))
                .isInstanceOf(ErrorResponseException.class);
    }

    @Test
    void theConsolePagesThroughTheWholeLog() {
        ReviewItem item = reported();
        int lines = properties.activityKept() * 2 + 3;
        for (int n = 1; n <= lines; n++) {
            notes.note(item.id(), REVIEWER, "note #" + n, IdempotencyKey.random());
        }
        TestClient reviewer = TestClient.onPort(port).signedIn("reviewer", "reviewer-dev-password");
        String page = "/console/items/" + item.id();

        List<List<String>> pages = new ArrayList<>();
        String body = reviewer.getText(page).body();
        assertThat(body).doesNotContain("id=\"later-activity\"");
        while (true) {
            pages.add(StoredItems.found(DETAIL, body));
            if (!body.contains("id=\"earlier-activity\"")) {
                break;
            }
            body = reviewer.getText(page + "?activityPage=" + (pages.size() + 1)).body();
            assertThat(body).contains("id=\"later-activity\"");
        }

        assertThat(pages).hasSize(3);
        List<String> oldestFirst = new ArrayList<>();
        for (int p = pages.size() - 1; p >= 0; p--) {
            oldestFirst.addAll(pages.get(p));
        }
        assertThat(oldestFirst).as("each line once, in order").containsExactlyElementsOf(
                IntStream.rangeClosed(1, lines).mapToObj(n -> "note #" + n).toList());
        assertThat(reviewer.getText(page + "?activityPage=0").status()).isEqualTo(400);
    }

    /** A crash after the item's write and before its lines were stored apart: the next write stores them. */
    @Test
    void linesLeftUnstoredByACrashAreStoredWithTheItemsNextWrite() {
        ReviewItem item = reported();
        notes.note(item.id(), REVIEWER, "note #1", IdempotencyKey.random());
        notes.note(item.id(), REVIEWER, "note #2", IdempotencyKey.random());
        mongo.remove(Query.query(Criteria.where("itemId").is(item.id())), Line.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(item.id())), Update.update("archivedActivity", 0L),
                ReviewItem.class);

        notes.note(item.id(), REVIEWER, "note #3", IdempotencyKey.random());

        assertThat(storedLinesOf(item.id())).extracting(Line::seq, Line::detail)
                .containsExactly(tuple(1L, "note #1"), tuple(2L, "note #2"), tuple(3L, "note #3"));
        assertThat(StoredItems.item(mongo, item.id()).archivedActivity()).isEqualTo(3);
    }

    @Test
    void anItemsFirstClaimIsCountedOnceEvenAfterItsLineLeftTheItem() {
        ReviewItem item = reported();
        claims.claim(item.id(), REVIEWER, null);
        for (int n = 1; n <= properties.activityKept(); n++) {
            notes.note(item.id(), REVIEWER, "note #" + n, IdempotencyKey.random());
        }
        claims.claim(item.id(), REVIEWER, null);

        assertThat(StoredItems.item(mongo, item.id()).claims()).isEqualTo(2);
    }

    /** An item stored before the log was stored apart keeps every line, numbered, and the count of its claims. */
    @Test
    void anItemStoredInTheOldShapeHasItsLogNumberedAndStoredApart() {
        ObjectId id = new ObjectId();
        String articleId = Fixtures.newArticleId();
        int lines = properties.activityKept() + 5;
        IdempotencyKey oldKey = IdempotencyKey.random();
        List<Document> log = new ArrayList<>();
        for (int n = 1; n <= lines; n++) {
            log.add(new Document("action", n == 1 || n == lines ? Claims.CLAIMED : n == 2 ? "note" : "other").append("by", "reviewer")
                    .append("at", Date.from(Instant.now())).append("detail", "line " + n)
                    .append("requestId", n == 2 ? oldKey.idFor("review-item-request", "reviewer") : null));
        }
        mongo.insert(new Document("_id", id).append("articleId", articleId).append("groupKey", articleId)
                .append("state", ItemState.CLAIMED.name()).append("claimedBy", "reviewer")
                .append("leaseExpiresAt", Date.from(Instant.now().plusSeconds(600)))
                .append("sources", List.of(Source.READER_REPORT.name())).append("severity", Severity.NORMAL.name())
                .append("priority", 100.0).append("escalated", false).append("reportCount", 0)
                .append("activity", log).append("createdAt", Date.from(Instant.now()))
                .append("updatedAt", Date.from(Instant.now())).append("version", 9L), "review_items");
        mongo.remove(Query.query(Criteria.where("_id").is(ItemStorageMigration.MIGRATION)),
                Migrations.COLLECTION);

        migration.afterSingletonsInstantiated();

        ReviewItem item = StoredItems.item(mongo, id.toHexString());
        assertThat(item.activity()).hasSize(properties.activityKept()).last()
                .extracting(ReviewItem.Activity::seq).isEqualTo((long) lines);
        assertThat(item.activityCount()).isEqualTo(lines);
        assertThat(item.claims()).isEqualTo(2);
        assertThat(storedLinesOf(id.toHexString())).hasSize(lines);

        notes.note(item.id(), REVIEWER, "line 2", oldKey);
        assertThat(StoredItems.item(mongo, id.toHexString()).activityCount())
                .as("a request logged before the upgrade, long out of the item, is still recognised").isEqualTo(lines);
    }
}
