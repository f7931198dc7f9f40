package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.ExplainVerbosity;
import org.bson.Document;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.platform.web.IdempotencyKey;
import org.erratum.review.Fixtures;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.OnContainers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The queue's hot queries as real MongoDB plans them: each is served by an index (IXSCAN), none reads the whole
 * collection (COLLSCAN), and the queue's pages read no resolved item. Runs only on Testcontainers' MongoDB, where a
 * Docker engine answers ({@link OnContainers}); the embedded store serves nothing but {@code _id} and unique indexes
 * and has no plans to check, so elsewhere JUnit skips this class, saying so.
 */
@IntegrationTest
@OnContainers
class QueueQueryPlanIntegrationTests {

    private static final Staff REVIEWER = new Staff("reviewer", false);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Signals signals;

    @Autowired
    Resolutions resolutions;

    @Autowired
    Claims claims;

    @Autowired
    ItemNotes notes;

    private ReviewItem item;

    /** Some history to plan around: resolved items, and an active one with reports and activity. */
    @BeforeEach
    void someHistory() {
        for (int n = 0; n < 30; n++) {
            ReviewItem reported = report(Fixtures.newArticleId());
            claims.claim(reported.id(), REVIEWER, null);
            resolutions.resolve(reported.id(), REVIEWER, new Resolutions.Resolve(Outcome.NO_CHANGE_NEEDED, null,
                    "Checked", null, null), null);
        }
        item = report(Fixtures.newArticleId());
        notes.note(item.id(), REVIEWER, "a note", IdempotencyKey.random());
        item = StoredItems.item(mongo, item.id());
    }

    private ReviewItem report(String articleId) {
        signals.addReport(new ReportSubmitted(UUID.randomUUID(), Instant.now(), articleId, 1, Category.OTHER, null,
                "comment", false));
        return mongo.findOne(Query.query(where("groupKey").is(articleId)), ReviewItem.class);
    }

    @Test
    void theArticlesActiveItemIsFoundByItsGroupKeyIndex() {
        assertIndexed(plan(Query.query(where("groupKey").is(item.articleId())), ReviewItem.class));
    }

    @Test
    void aPageOfAnItemsReportsIsReadByRangeOfItsIndex() {
        assertIndexed(plan(Query.query(where("itemId").is(item.id()).and("seq").lte(item.reportCount()))
                .with(Sort.by(Sort.Direction.DESC, "seq")).limit(20), ItemReports.Stored.class));
    }

    @Test
    void aPageOfAnItemsActivityIsReadByRangeOfItsIndex() {
        assertIndexed(plan(Query.query(where("itemId").is(item.id()).and("seq").lte(item.activityCount()))
                .with(Sort.by(Sort.Direction.DESC, "seq")).limit(50), ItemActivity.Line.class));
    }

    /** The first page as {@link ItemQueries#list} reads it: in the index's order, nothing sorted in memory. */
    @Test
    void theQueuesPagesReadNoResolvedItemAndSortNothingInMemory() {
        Document plan = plan(Query.query(where("state").in(ItemState.ACTIVE)).with(ItemQueries.PAGE_ORDER).limit(51),
                ReviewItem.class);
        assertIndexed(plan);
        List<String> stages = new ArrayList<>();
        collectStages(plan.get("queryPlanner", Document.class).get("winningPlan"), stages);
        assertThat(stages).as("plan stages").doesNotContain("SORT");
        long active = mongo.count(Query.query(where("state").in(ItemState.ACTIVE)), ReviewItem.class);
        assertThat(plan.get("executionStats", Document.class).get("totalDocsExamined", Number.class).longValue())
                .as("documents read for the queue's page").isLessThanOrEqualTo(Math.min(active, 51));
    }

    /** Claim-next reads the queue head by id; these are its rebuild's reads, its fallback's and the lease sweep's. */
    @Test
    void claimNextAndTheLeaseSweepFindTheirCandidatesByIndex() {
        Instant now = Instant.now();
        assertIndexed(plan(Query.query(ReviewItem.waitingFor(REVIEWER, now)).with(ItemQueries.PAGE_ORDER).limit(1),
                ReviewItem.class));
        assertIndexed(plan(Query.query(where("state").in(Transition.CLAIM.from()).and("escalated").is(false))
                .with(ItemQueries.PAGE_ORDER).limit(QueueHead.SIZE + 1), ReviewItem.class));
        assertIndexed(plan(Query.query(where("state").is(ItemState.CLAIMED).and("leaseExpiresAt").ne(null))
                .with(Sort.by("leaseExpiresAt")).limit(1), ReviewItem.class));
        assertIndexed(plan(Query.query(where("state").is(ItemState.CLAIMED).and("leaseExpiresAt").lt(now)),
                ReviewItem.class));
        assertIndexed(plan(Query.query(where(ItemStore.CLAIM_REQUEST).is("a-request")), ReviewItem.class));
    }

    @Test
    void theRelayFindsPendingEventsByIndex() {
        assertIndexed(plan(Query.query(where("outbox.occurredAt").lte(Instant.now())).with(Sort.by(
                "outbox.occurredAt")).limit(100), ReviewItem.class));
    }

    /** What reads the history: pages of resolved items, the relay, the pending-verifications gauge, the sweep. */
    @Test
    void theHistorysQueriesAreServedByIndexes() {
        assertThat(mongo.count(new Query(), ItemHistory.COLLECTION)).as("the resolved items moved there")
                .isGreaterThanOrEqualTo(30);
        assertIndexed(plan(Query.query(where("state").in(List.of(ItemState.RESOLVED))).with(ItemQueries.PAGE_ORDER)
                .limit(51), ReviewItem.class, ItemHistory.COLLECTION));
        assertIndexed(plan(Query.query(where("outbox.occurredAt").lte(Instant.now())).with(Sort.by(
                "outbox.occurredAt")).limit(100), ReviewItem.class, ItemHistory.COLLECTION));
        assertIndexed(plan(Query.query(where("verification.status").is(ReviewItem.Verification.Status.PENDING)),
                ReviewItem.class, ItemHistory.COLLECTION));
        assertIndexed(plan(Query.query(where("state").is(ItemState.RESOLVED)), ReviewItem.class));
    }

    private Document plan(Query query, Class<?> type) {
        return plan(query, type, mongo.getCollectionName(type));
    }

    /** The query as the driver sends it (field names and values mapped as the template maps them), explained. */
    private Document plan(Query query, Class<?> type, String collection) {
        QueryMapper mapper = new QueryMapper(mongo.getConverter());
        var entity = mongo.getConverter().getMappingContext().getPersistentEntity(type);
        var find = mongo.getCollection(collection)
                .find(mapper.getMappedObject(query.getQueryObject(), entity))
                .sort(mapper.getMappedSort(query.getSortObject(), entity));
        if (query.getLimit() > 0) {
            find = find.limit(query.getLimit());
        }
        return find.explain(Document.class, ExplainVerbosity.EXECUTION_STATS);
    }

    private static void assertIndexed(Document explained) {
        List<String> stages = new ArrayList<>();
        collectStages(explained.get("queryPlanner", Document.class).get("winningPlan"), stages);
        assertThat(stages).as("plan stages").anyMatch(stage -> stage.contains("IXSCAN"))
                .doesNotContain("COLLSCAN");
    }

    /** Every {@code stage} named in the plan, however nested ({@code inputStage}, {@code inputStages}, …). */
    private static void collectStages(Object node, List<String> into) {
        if (node instanceof Document document) {
            document.forEach((key, value) -> {
                if ("stage".equals(key) && value instanceof String stage) {
                    into.add(stage);
                } else {
                    collectStages(value, into);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(element -> collectStages(element, into));
        }
    }
}
