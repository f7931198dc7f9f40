package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.review.Fixtures;
import org.erratum.review.article.KnownArticles;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Writes computed from what was read require the item at the version it was read at, never at a timestamp. */
@IntegrationTest
class ItemVersionIntegrationTests {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KnownArticles articles;

    @Autowired
    QueueProperties properties;

    @Autowired
    SlaProperties sla;

    @Autowired
    QueueMetrics metrics;

    @Autowired
    ItemAnnouncer announcer;

    @Autowired
    ItemEventsProperties events;

    @Autowired
    ItemReports reports;

    @Autowired
    ItemActivity activity;

    @Autowired
    ItemHistory history;

    @Autowired
    Signals signals;

    @Autowired
    Claims claims;

    @Autowired
    QueueHead head;

    @Test
    void twoReportsJoiningAnItemInTheSameMillisecondAreBothCounted() {
        SameMillisecond clock = new SameMillisecond();
        ItemStore store = new ItemStore(mongo, activity, announcer, history, head, events, properties, clock);
        Signals stoppedClockQueue = new Signals(store, reports, mongo, articles, properties, sla, metrics, clock);
        String articleId = Fixtures.newArticleId();
        stoppedClockQueue.addReport(Fixtures.report(articleId, Category.OTHER));

        // both read the item, then both write it, all at the instant the item was last written
        clock.holdEachWriterUntilBothHaveRead();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Runnable aReport = () -> stoppedClockQueue.addReport(Fixtures.report(articleId, Category.OTHER));
        List<CompletableFuture<Void>> writers = List.of(CompletableFuture.runAsync(aReport, threads),
                CompletableFuture.runAsync(aReport, threads));
        writers.forEach(CompletableFuture::join);
        threads.shutdown();

        ReviewItem item = mongo.findOne(Query.query(Criteria.where("articleId").is(articleId)), ReviewItem.class);
        assertThat(clock.bothRead()).as("the writers overlapped").isTrue();
        assertThat(item.latestReports()).hasSize(3);
        assertThat(mongo.count(Query.query(Criteria.where("itemId").is(item.id())), ItemReports.Stored.class))
                .isEqualTo(3);
        assertThat(item.reportCount()).as("no write lost").isEqualTo(3);
        assertThat(item.version()).isEqualTo(3);
        assertThat(item.updatedAt()).isEqualTo(clock.now);
    }

    @Test
    void anItemStoredBeforeVersionsExistedStillTakesReportsAndActions() {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.report(articleId, Category.OTHER));
        String id = StoredItems.awaitItem(mongo, articleId, 1).id();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().unset("version"), ReviewItem.class);
        assertThat(StoredItems.item(mongo, id).version()).as("read as 0").isZero();

        ReportSubmitted second = Fixtures.report(articleId, Category.INACCURATE);
        signals.addReport(second);
        ReviewItem joined = StoredItems.item(mongo, id);
        claims.claim(id, new Staff("reviewer", false), null);

        assertThat(joined.reportCount()).isEqualTo(2);
        assertThat(joined.version()).isEqualTo(1);
        assertThat(StoredItems.item(mongo, id).version()).isEqualTo(2);
    }

    /**
     * A clock stopped at one millisecond. Once told to, it holds each of two threads at its first reading (which the
     * queue takes after reading the item and before writing it) until both threads are there, so both read the same
     * state before either writes.
     */
    private static final class SameMillisecond extends Clock {

        private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        private final CountDownLatch bothRead = new CountDownLatch(2);
        private final ThreadLocal<Boolean> held = ThreadLocal.withInitial(() -> false);
        private volatile boolean holding;

        void holdEachWriterUntilBothHaveRead() {
            holding = true;
        }

        boolean bothRead() {
            return bothRead.getCount() == 0;
        }

        @Override
        public Instant instant() {
            if (holding && !held.get()) {
                held.set(true);
                bothRead.countDown();
                try {
                    bothRead.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
