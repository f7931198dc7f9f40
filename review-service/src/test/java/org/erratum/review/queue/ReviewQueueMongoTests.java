package org.erratum.review.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.erratum.platform.web.IdempotencyKey;
import org.erratum.testsupport.MongoSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue's own queries on the real store: the order every queue page shows and "claim the next item" takes, and
 * which items that claim may take. Items are stored as documents, as the queue's writes leave them; the class has a
 * database of its own, which each test empties of items first.
 */
@MongoSliceTest
@Import({ ItemQueries.class, Claims.class, ItemStore.class, ItemActivity.class, ItemHistory.class, ItemReports.class,
        QueueHead.class, QueueMetrics.class, ReviewQueueMongoTests.Doubles.class })
@EnableConfigurationProperties({ QueueProperties.class, ItemEventsProperties.class, SlaProperties.class })
class ReviewQueueMongoTests {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Staff REVIEWER = new Staff("reviewer", false);
    private static final Staff SENIOR = new Staff("senior", true);

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private ItemQueries queries;

    @Autowired
    private Claims claims;

    @Autowired
    private Announced announced;

    @Autowired
    private QueueHead head;

    @Autowired
    private ItemStore items;

    @BeforeEach
    void noItems() {
        mongo.remove(new Query(), ReviewItem.class);
        // the items are stored behind the queue's back, as by a release from before the head: none is known yet
        mongo.remove(new Query(), QueueHead.Head.class);
        announced.items.clear();
    }

    @Test
    void theQueueListsTheHighestPriorityFirstAndTheOldestFirstAmongEquals() {
        String newerUrgent = store(item(ItemState.OPEN, 900, NOW.minus(Duration.ofHours(1))));
        String low = store(item(ItemState.OPEN, 10, NOW.minus(Duration.ofDays(3))));
        String olderUrgent = store(item(ItemState.ESCALATED, 900, NOW.minus(Duration.ofHours(5))));
        String normal = store(item(ItemState.CLAIMED, 100, NOW.minus(Duration.ofDays(1))));
        store(item(ItemState.RESOLVED, 5000, NOW.minus(Duration.ofDays(2))));

        assertThat(listed(ItemState.ACTIVE, null, false)).extracting(ReviewItem::id)
                .containsExactly(olderUrgent, newerUrgent, normal, low);
        assertThat(listed(List.of(ItemState.OPEN), null, false)).extracting(ReviewItem::id)
                .containsExactly(newerUrgent, low);
    }

    @Test
    void onlyItemsPastAClaimOrResolveDeadlineAreBreached() {
        String unclaimedLate = store(item(ItemState.OPEN, 100, NOW.minus(Duration.ofDays(2)))
                .append("claimDueAt", date(NOW.minus(Duration.ofMinutes(1)))));
        store(item(ItemState.OPEN, 200, NOW.minus(Duration.ofDays(2)))
                .append("claimDueAt", date(NOW.plus(Duration.ofMinutes(1)))));
        String unresolvedLate = store(item(ItemState.CLAIMED, 50, NOW.minus(Duration.ofDays(9)))
                .append("claimDueAt", date(NOW.minus(Duration.ofDays(8))))
                .append("resolveDueAt", date(NOW.minus(Duration.ofDays(1)))));
        // claimed in time: a passed claim deadline no longer counts once someone holds it
        store(item(ItemState.CLAIMED, 300, NOW.minus(Duration.ofDays(2)))
                .append("claimDueAt", date(NOW.minus(Duration.ofDays(1))))
                .append("resolveDueAt", date(NOW.plus(Duration.ofDays(1)))));

        assertThat(listed(ItemState.ACTIVE, null, true)).extracting(ReviewItem::id)
                .containsExactly(unclaimedLate, unresolvedLate);
    }

    @Test
    void claimingTheNextItemTakesTheMostPressingOneThisReviewerMayWork() {
        String escalated = store(item(ItemState.ESCALATED, 900, NOW.minus(Duration.ofHours(3)))
                .append("escalated", true));
        store(item(ItemState.CLAIMED, 800, NOW.minus(Duration.ofHours(3))).append("claimedBy", "someone")
                .append("leaseExpiresAt", date(NOW.plus(Duration.ofMinutes(5)))));
        String leaseRanOut = store(item(ItemState.CLAIMED, 700, NOW.minus(Duration.ofHours(3)))
                .append("claimedBy", "someone").append("leaseExpiresAt", date(NOW.minus(Duration.ofMinutes(1)))));
        String open = store(item(ItemState.OPEN, 100, NOW.minus(Duration.ofHours(3))));

        assertThat(claims.claimNext(REVIEWER, IdempotencyKey.random())).get()
                .satisfies(claimed -> assertThat(claimed.id()).isEqualTo(leaseRanOut))
                .satisfies(claimed -> assertThat(claimed.claimedBy()).isEqualTo("reviewer"))
                .satisfies(claimed -> assertThat(claimed.leaseExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15))));
        assertThat(claims.claimNext(REVIEWER, IdempotencyKey.random())).map(ReviewItem::id).contains(open);
        assertThat(claims.claimNext(REVIEWER, IdempotencyKey.random())).isEmpty();
        assertThat(claims.claimNext(SENIOR, IdempotencyKey.random())).map(ReviewItem::id).contains(escalated);
        assertThat(announced.items).extracting(ReviewItem::id).containsExactly(leaseRanOut, open, escalated);
    }

    @Test
    void claimingTheNextItemAgainWithTheSameKeyAnswersTheItemClaimedFirst() {
        String first = store(item(ItemState.OPEN, 500, NOW.minus(Duration.ofHours(2))));
        store(item(ItemState.OPEN, 400, NOW.minus(Duration.ofHours(2))));
        IdempotencyKey key = IdempotencyKey.random();

        Optional<ReviewItem> claimed = claims.claimNext(REVIEWER, key);
        Optional<ReviewItem> again = claims.claimNext(REVIEWER, key);

        assertThat(claimed).map(ReviewItem::id).contains(first);
        assertThat(again).map(ReviewItem::id).contains(first);
        assertThat(StoredItems.item(mongo, first).version()).isEqualTo(2);
        assertThat(listed(List.of(ItemState.CLAIMED), null, false)).extracting(ReviewItem::id)
                .containsExactly(first);
    }

    /**
     * Through claims, releases and escalations of more items than the head holds, every claim takes what the queue's
     * query over all items says is the most pressing item for that reviewer, and the head is drained and refilled.
     */
    @Test
    void everyClaimTakesTheItemTheQueuesOrderPutsFirstHoweverTheHeadStands() {
        Random random = new Random(19);
        int items = QueueHead.SIZE * 2 + 10;
        for (int n = 0; n < items; n++) {
            boolean escalated = random.nextInt(6) == 0;
            // a few priorities and ages only, so that ties in both are common and the id decides
            store(item(escalated ? ItemState.ESCALATED : ItemState.OPEN, 100 * random.nextInt(5),
                    NOW.minus(Duration.ofHours(random.nextInt(3)))).append("escalated", escalated));
        }
        List<ReviewItem> held = new ArrayList<>();
        int claimed = 0;
        while (claimed < items) {
            Staff who = random.nextBoolean() ? SENIOR : REVIEWER;
            ReviewItem expected = mongo.findOne(Query.query(ReviewItem.waitingFor(who, NOW))
                    .with(ItemQueries.PAGE_ORDER), ReviewItem.class);
            Optional<ReviewItem> taken = claims.claimNext(who, IdempotencyKey.random());
            assertThat(taken.map(ReviewItem::id)).isEqualTo(Optional.ofNullable(expected).map(ReviewItem::id));
            taken.ifPresent(item -> held.add(item));
            claimed += taken.isPresent() ? 1 : 0;
            if (!held.isEmpty() && random.nextInt(4) == 0) { // let one go again: it goes back into the queue
                ReviewItem back = held.remove(random.nextInt(held.size()));
                Staff holder = back.claimedBy().equals(SENIOR.username()) ? SENIOR : REVIEWER;
                if (random.nextBoolean()) {
                    claims.release(back.id(), holder, null);
                } else {
                    claims.escalate(back.id(), holder, "Needs a senior eye", null);
                }
                claimed--;
            }
        }
        assertThat(claims.claimNext(SENIOR, IdempotencyKey.random())).isEmpty();
    }

    @Test
    void reviewersClaimingAtOnceEachTakeADifferentItemAndLeaveNoneBehind() throws Exception {
        List<String> stored = new ArrayList<>();
        for (int n = 0; n < QueueHead.SIZE * 2 + 10; n++) {
            stored.add(store(item(ItemState.OPEN, 100 + n % 7, NOW.minus(Duration.ofMinutes(n)))));
        }
        ExecutorService reviewers = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> claimed = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            Staff who = new Staff("reviewer-" + r, false);
            claimed.add(reviewers.submit(() -> {
                List<String> mine = new ArrayList<>();
                for (Optional<ReviewItem> next = claims.claimNext(who, IdempotencyKey.random()); next.isPresent();
                        next = claims.claimNext(who, IdempotencyKey.random())) {
                    mine.add(next.get().id());
                }
                return mine;
            }));
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> mine : claimed) {
            all.addAll(mine.get(2, TimeUnit.MINUTES));
        }
        reviewers.shutdown();

        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(stored);
    }

    @Test
    void theLeaseSweepFillsTheHeadAgainOnceClaimsTookHalfOfIt() {
        for (int n = 0; n < QueueHead.SIZE * 2; n++) { // as many wait beyond the line as in it
            store(item(ItemState.OPEN, 100 + n, NOW.minus(Duration.ofHours(1))));
        }
        for (int n = 0; n <= QueueHead.SIZE / 2; n++) {
            claims.claimNext(SENIOR, IdempotencyKey.random()).orElseThrow();
        }
        assertThat(headAsStored().get("seniors", Document.class).getList("entries", Document.class))
                .hasSize(QueueHead.SIZE / 2 - 1);

        claims.returnExpiredLeases();

        assertThat(headAsStored().get("seniors", Document.class).getList("entries", Document.class))
                .hasSize(QueueHead.SIZE);
        ReviewItem expected = mongo.findOne(Query.query(ReviewItem.waitingFor(SENIOR, NOW))
                .with(ItemQueries.PAGE_ORDER), ReviewItem.class);
        assertThat(claims.claimNext(SENIOR, IdempotencyKey.random())).map(ReviewItem::id).contains(expected.id());
    }

    /** A write whose sync into the head a crash lost: what the head says then, and what it said before the write. */
    @Test
    void anItemTheHeadMissedIsClaimedOnceTheRelayOrAStartRepairsIt() {
        String first = store(item(ItemState.OPEN, 900, NOW.minus(Duration.ofHours(1))));
        String second = store(item(ItemState.OPEN, 500, NOW.minus(Duration.ofHours(1))));
        store(item(ItemState.OPEN, 100, NOW.minus(Duration.ofHours(1))));
        assertThat(claims.claimNext(SENIOR, IdempotencyKey.random())).map(ReviewItem::id).contains(first);

        Document beforeTheRelease = headAsStored();
        claims.release(first, SENIOR, null); // its event stays in its outbox: nothing here acknowledges it
        mongo.save(beforeTheRelease, QueueHead.COLLECTION);
        new ItemOutbox(mongo, head).pending(NOW, 10); // what the relay reads before it publishes the event again
        assertThat(claims.claimNext(SENIOR, IdempotencyKey.random())).map(ReviewItem::id).contains(first);

        beforeTheRelease = headAsStored();
        claims.release(first, SENIOR, null);
        mongo.save(beforeTheRelease, QueueHead.COLLECTION);
        head.markStale(); // as every start does
        assertThat(claims.claimNext(SENIOR, IdempotencyKey.random())).map(ReviewItem::id).contains(first);
        assertThat(claims.claimNext(SENIOR, IdempotencyKey.random())).map(ReviewItem::id).contains(second);
    }

    @Test
    void anItemChangedBehindTheHeadsBackIsTakenAsItStandsNotAsTheHeadListsIt() {
        String first = store(item(ItemState.OPEN, 900, NOW.minus(Duration.ofHours(1))));
        String second = store(item(ItemState.OPEN, 500, NOW.minus(Duration.ofHours(1))));
        String third = store(item(ItemState.OPEN, 100, NOW.minus(Duration.ofHours(1))));
        String fourth = store(item(ItemState.OPEN, 50, NOW.minus(Duration.ofHours(1))));
        assertThat(claims.claimNext(SENIOR, IdempotencyKey.random())).map(ReviewItem::id).contains(first);

        // the head lists second, third, fourth; now second is held by someone, and third is the least pressing
        mongo.updateFirst(Query.query(Criteria.where("_id").is(second)), new Update().set("state", ItemState.CLAIMED)
                .set("claimedBy", "someone").set("leaseExpiresAt", NOW.plus(Duration.ofMinutes(5))), ReviewItem.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(third)), new Update().set("priority", 10),
                ReviewItem.class);

        assertThat(claims.claimNext(REVIEWER, IdempotencyKey.random())).map(ReviewItem::id).contains(fourth);
        assertThat(claims.claimNext(REVIEWER, IdempotencyKey.random())).map(ReviewItem::id).contains(third);
        assertThat(claims.claimNext(REVIEWER, IdempotencyKey.random())).isEmpty();
    }

    /** As a poll of reports writes its articles' items and then announces them together. */
    @Test
    void itemsAnnouncedTogetherAreInTheHeadAtOnce() {
        String first = store(item(ItemState.OPEN, 900, NOW.minus(Duration.ofHours(1))));
        String low = store(item(ItemState.OPEN, 100, NOW.minus(Duration.ofHours(1))));
        assertThat(claims.claimNext(SENIOR, IdempotencyKey.random())).map(ReviewItem::id).contains(first);

        // the head now lists only the low item; two more pressing ones are written
        String urgent = store(item(ItemState.OPEN, 800, NOW.minus(Duration.ofHours(1))));
        String next = store(item(ItemState.OPEN, 500, NOW.minus(Duration.ofHours(1))));
        items.announcedAll(List.of(mongo.findById(urgent, ReviewItem.class), mongo.findById(next, ReviewItem.class)));

        assertThat(claims.claimNext(SENIOR, IdempotencyKey.random())).map(ReviewItem::id).contains(urgent);
        assertThat(claims.claimNext(SENIOR, IdempotencyKey.random())).map(ReviewItem::id).contains(next);
        assertThat(claims.claimNext(SENIOR, IdempotencyKey.random())).map(ReviewItem::id).contains(low);
    }

    private Document headAsStored() {
        return mongo.findById("queue", Document.class, QueueHead.COLLECTION);
    }

    @Test
    void aPageHoldsAtMostTheLimitAndEachItemFallsOnOnePageEvenAmongEquals() {
        List<String> stored = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            stored.add(store(item(ItemState.OPEN, 300, NOW.minus(Duration.ofHours(1)))));
        }
        String first = store(item(ItemState.OPEN, 900, NOW.minus(Duration.ofHours(1))));
        stored.sort(null); // equal in priority and age, the items keep the order of their ids
        stored.add(0, first);

        var wanted = new ItemQueries.Wanted(ItemState.ACTIVE, null, null, null, false);
        List<ItemQueries.Page<ReviewItem>> pages = List.of(queries.list(wanted, 1, 2), queries.list(wanted, 2, 2),
                queries.list(wanted, 3, 2), queries.list(wanted, 4, 2));

        assertThat(pages).extracting(ItemQueries.Page::more).containsExactly(true, true, false, false);
        assertThat(pages).extracting(page -> page.entries().size()).containsExactly(2, 2, 2, 0);
        assertThat(pages.stream().flatMap(page -> page.entries().stream()).map(ReviewItem::id))
                .containsExactlyElementsOf(stored);
    }

    @Test
    void theQueueIsNarrowedToASourceAndAnAgeByItsQuery() {
        String dueAndOld = store(item(ItemState.OPEN, 100, NOW.minus(Duration.ofDays(4)))
                .append("sources", List.of("REVIEW_DUE", "READER_REPORT")));
        store(item(ItemState.OPEN, 200, NOW.minus(Duration.ofDays(2))).append("sources", List.of("REVIEW_DUE")));
        store(item(ItemState.OPEN, 300, NOW.minus(Duration.ofDays(5))).append("sources", List.of("READER_REPORT")));

        assertThat(queries.list(new ItemQueries.Wanted(ItemState.ACTIVE, null, Source.REVIEW_DUE,
                NOW.minus(Duration.ofDays(3)), false), 1, 10).entries()).extracting(ReviewItem::id)
                .containsExactly(dueAndOld);
    }

    /** Every item the queue lists for these, as far as one page of 200 holds. */
    private List<ReviewItem> listed(Collection<ItemState> states, Severity severity, boolean breached) {
        return queries.list(new ItemQueries.Wanted(states, severity, null, null, breached), 1, 200).entries();
    }

    private String store(Document item) {
        mongo.insert(item, "review_items");
        return item.getObjectId("_id").toHexString();
    }

    /** An item as the queue's writes store it, with what these queries read. */
    private static Document item(ItemState state, double priority, Instant createdAt) {
        ObjectId id = new ObjectId();
        String articleId = "article-" + id.toHexString();
        return new Document("_id", id).append("articleId", articleId)
                .append("groupKey", state == ItemState.RESOLVED ? "closed:" + id.toHexString() : articleId)
                .append("state", state.name()).append("severity", "NORMAL").append("priority", priority)
                .append("escalated", false).append("reportCount", 1).append("createdAt", date(createdAt))
                .append("version", 1L);
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }

    /** What the store announced or handed to the relay; Kafka is not part of this slice. */
    static final class Announced extends ItemAnnouncer {

        final List<ReviewItem> items = new ArrayList<>();

        Announced() {
            super(null);
        }

        @Override
        boolean announceAll(List<ReviewItem> written) {
            items.addAll(written);
            return true;
        }

        @Override
        void handOver(ReviewItem written) {
            items.add(written);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Doubles {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        Announced announced() {
            return new Announced();
        }
    }
}
