package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.erratum.events.ArticleChanged;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.platform.migration.Migrations;
import org.erratum.review.Fixtures;
import org.erratum.review.article.KnownArticle;
import org.erratum.review.queue.ReviewItem.RevisionScore;
import org.erratum.review.queue.ReviewItem.Verification;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

/**
 * Resolved items live apart from the active queue, in the history: the queue and claim-next read only what is
 * active, while everything that reads an item by id still finds a resolved one, with its reports and activity.
 */
@IntegrationTest
class ItemHistoryIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Staff REVIEWER = new Staff("reviewer", false);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Claims claims;

    @Autowired
    Resolutions resolutions;

    @Autowired
    ItemQueries items;

    @Autowired
    ItemHistory history;

    @Autowired
    ItemStorageMigration migration;

    @Test
    void aResolvedItemMovesToTheHistoryAndIsStillShownWithItsReportsAndActivity() {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(new ReportSubmitted(UUID.randomUUID(), Instant.now(), articleId, 1, Category.INACCURATE,
                "every hour", "Surely not every hour", false));
        String id = StoredItems.awaitItem(mongo, articleId, 1).id();
        assertThat(reviewer().post("/api/review/items/" + id + "/claim", "").status()).isEqualTo(200);

        var resolved = reviewer().post("/api/review/items/" + id + "/resolve",
                Map.of("outcome", "NO_CHANGE_NEEDED", "summary", "The text is correct"));

        assertThat(resolved.status()).isEqualTo(200);
        assertThat(activeCopy(id)).as("the active collection, which the queue and claim-next read").isNull();
        assertThat(historyCopy(id).state()).isEqualTo(ItemState.RESOLVED);
        assertThat(items.list(new ItemQueries.Wanted(ItemState.ACTIVE, null, null, null, false), 1, 1000).entries())
                .extracting(ReviewItem::id).doesNotContain(id);
        JsonNode shown = reviewer().get("/api/review/items/" + id).json();
        assertThat(shown.get("state").asString()).isEqualTo("RESOLVED");
        assertThat(shown.get("reports").get(0).get("comment").asString()).isEqualTo("Surely not every hour");
        String page = console().getText("/console/items/" + id).body();
        assertThat(page).contains("Surely not every hour").contains("The text is correct");
        assertThat(resolvedPages()).as("a page asking for resolved items reads the history").contains(id);
    }

    @Test
    void aFixNotVerifiedMovesItsItemBackToTheQueueWhereItIsClaimable() {
        String articleId = Fixtures.newArticleId();
        String id = revisedBy2(articleId);
        assertThat(activeCopy(id)).isNull();
        assertThat(resolutions.fixesAwaitingVerification(Map.of(articleId, List.of(2)))).as("found in the history by key")
                .extracting(ReviewItem::id).containsExactly(id);

        ReviewItem reopened = resolutions.concludeFixVerification(id, new RevisionScore(2, 30, 0.2),
                new RevisionScore(1, 20, 0.8), 0.05).orElseThrow();

        assertThat(reopened.state()).isEqualTo(ItemState.OPEN);
        assertThat(reopened.verification().status()).isEqualTo(Verification.Status.NOT_VERIFIED);
        assertThat(historyCopy(id)).as("moved back out of the history").isNull();
        assertThat(activeCopy(id).state()).isEqualTo(ItemState.OPEN);
        assertThat(claims.claim(id, REVIEWER, null).state()).isEqualTo(ItemState.CLAIMED);
        assertThat(mongo.findOne(Query.query(Criteria.where("groupKey").is(articleId)), ReviewItem.class).id())
                .as("it holds the article's slot again").isEqualTo(id);
    }

    /** As if the service stopped between the two writes of the move: the history's copy inserted, no more. */
    @Test
    void aMoveCutShortIsFinishedByTheSweepAndReadsMeanwhileShowOneItem() {
        String id = resolvedItem();
        mongo.insert(mongo.findById(id, Document.class, ItemHistory.COLLECTION), "review_items");

        assertThat(reviewer().get("/api/review/items/" + id).json().get("state").asString()).isEqualTo("RESOLVED");
        assertThat(resolvedPages()).as("listed once").containsOnlyOnce(id);
        assertThat(console().getText("/console/items/" + id).body()).contains("Checked");

        assertThat(history.sweep()).isGreaterThanOrEqualTo(1);

        assertThat(activeCopy(id)).isNull();
        assertThat(historyCopy(id).state()).isEqualTo(ItemState.RESOLVED);
        assertThat(resolvedPages()).containsOnlyOnce(id);
    }

    /**
     * The other way a crash can cut a move short: back in the active collection before a write, deleted from the
     * history, the write not made.
     */
    @Test
    void aResolvedItemLeftInTheActiveCollectionIsFoundAndItsNextWriteMovesItBack() {
        String articleId = Fixtures.newArticleId();
        String id = revisedBy2(articleId);
        mongo.insert(mongo.findById(id, Document.class, ItemHistory.COLLECTION), "review_items");
        mongo.remove(Query.query(Criteria.where("_id").is(new ObjectId(id))), ItemHistory.COLLECTION);

        assertThat(reviewer().get("/api/review/items/" + id).json().get("state").asString()).isEqualTo("RESOLVED");
        assertThat(resolutions.fixesAwaitingVerification(Map.of(articleId, List.of(2)))).extracting(ReviewItem::id)
                .containsExactly(id);
        ReviewItem verified = resolutions.concludeFixVerification(id, new RevisionScore(2, 30, 0.9),
                new RevisionScore(1, 20, 0.3), 0.05).orElseThrow();

        assertThat(verified.verification().status()).isEqualTo(Verification.Status.VERIFIED);
        assertThat(activeCopy(id)).as("written, and moved where it belongs").isNull();
        assertThat(historyCopy(id).verification().status()).isEqualTo(Verification.Status.VERIFIED);
    }

    @Test
    void anUpgradeMovesTheResolvedItemsStoredBeforeOnce() {
        String before = storedResolvedItem();
        mongo.remove(Query.query(Criteria.where("_id").is(ItemStorageMigration.HISTORY_MIGRATION)),
                Migrations.COLLECTION);

        migration.afterSingletonsInstantiated();

        assertThat(activeCopy(before)).isNull();
        assertThat(historyCopy(before).resolution().summary()).isEqualTo("Resolved before the upgrade");
        assertThat(items.get(before).state()).isEqualTo(ItemState.RESOLVED);
        String after = storedResolvedItem();
        migration.afterSingletonsInstantiated();
        assertThat(activeCopy(after)).as("the migration ran once; later leftovers are the sweep's").isNotNull();
        assertThat(mongo.findById(ItemStorageMigration.HISTORY_MIGRATION, Document.class, Migrations.COLLECTION))
                .isNotNull();
        history.sweep();
        assertThat(activeCopy(after)).isNull();
    }

    /** An article in revision 1, a reader's report on it, and the item resolved as revised by revision 2. */
    private String revisedBy2(String articleId) {
        publishAndAwait(Fixtures.revision(articleId, 1, "First version", null, "Take two tablets every hour."));
        TopicProbe.publish(Fixtures.report(articleId, Category.INACCURATE));
        String id = StoredItems.awaitItem(mongo, articleId, 1).id();
        publishAndAwait(Fixtures.revision(articleId, 2, "Every four hours", id, "Take two tablets every four hours."));
        claims.claim(id, REVIEWER, null);
        resolutions.resolve(id, REVIEWER, new Resolutions.Resolve(Outcome.REVISED, 2, "Corrected", null, null), null);
        return id;
    }

    private String resolvedItem() {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.report(articleId, Category.OTHER));
        String id = StoredItems.awaitItem(mongo, articleId, 1).id();
        claims.claim(id, REVIEWER, null);
        resolutions.resolve(id, REVIEWER, new Resolutions.Resolve(Outcome.NO_CHANGE_NEEDED, null, "Checked", null,
                null), null);
        return id;
    }

    /** A resolved item as the version before kept it: in {@code review_items}. */
    private String storedResolvedItem() {
        ObjectId id = new ObjectId();
        Date now = Date.from(Instant.now());
        mongo.insert(new Document("_id", id).append("articleId", Fixtures.newArticleId())
                .append("groupKey", "closed:" + id.toHexString()).append("state", ItemState.RESOLVED.name())
                .append("sources", List.of(Source.READER_REPORT.name())).append("severity", Severity.NORMAL.name())
                .append("priority", 100.0).append("escalated", false).append("reportCount", 0)
                .append("resolution", new Document("outcome", Outcome.NO_CHANGE_NEEDED.name())
                        .append("summary", "Resolved before the upgrade").append("by", "reviewer").append("at", now))
                .append("activityCount", 0L).append("createdAt", now).append("updatedAt", now)
                .append("version", 3L), "review_items");
        return id.toHexString();
    }

    /** The ids on every page of resolved items. */
    private List<String> resolvedPages() {
        List<String> ids = new ArrayList<>();
        ItemQueries.Wanted resolved = new ItemQueries.Wanted(List.of(ItemState.RESOLVED), null, null, null, false);
        ItemQueries.Page<ReviewItem> page;
        int number = 1;
        do {
            page = items.list(resolved, number++, 50);
            page.entries().forEach(item -> ids.add(item.id()));
        } while (page.more());
        return ids;
    }

    private ReviewItem activeCopy(String id) {
        return mongo.findById(id, ReviewItem.class);
    }

    private ReviewItem historyCopy(String id) {
        return mongo.findById(id, ReviewItem.class, ItemHistory.COLLECTION);
    }

    private void publishAndAwait(ArticleChanged revision) {
        TopicProbe.publish(revision);
        await().atMost(WAIT).until(() -> Optional.ofNullable(mongo.findById(revision.articleId(),
                KnownArticle.class)).map(KnownArticle::revision).orElse(0) == revision.revision());
    }

    private TestClient reviewer() {
        return TestClient.onPort(port).as("reviewer", "reviewer-dev-password");
    }

    private TestClient console() {
        return TestClient.onPort(port).signedIn("reviewer", "reviewer-dev-password");
    }
}
