package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.erratum.events.ReportSubmitted.Category;
import org.erratum.platform.web.IdempotencyKey;
import org.erratum.review.Fixtures;
import org.erratum.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.erratum.testsupport.TopicProbe;

@IntegrationTest
class ClaimConcurrencyIntegrationTests {

    private static final int ITEMS = 4;
    private static final int CLAIMERS = 24;

    @Autowired
    Claims queue;

    @Autowired
    MongoTemplate mongo;

    @Test
    void claimIsExclusiveUnderConcurrency() throws Exception {
        List<String> articles = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            String articleId = Fixtures.newArticleId();
            articles.add(articleId);
            TopicProbe.publish(Fixtures.report(articleId, Category.OTHER));
        }
        Query ours = Query.query(Criteria.where("articleId").in(articles));
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.count(ours, ReviewItem.class) == ITEMS);
        // take every other open item out of the way so the claimers compete for ours alone
        List<ReviewItem> others = mongo.find(Query.query(Criteria.where("state").is(ItemState.OPEN)
                .and("articleId").nin(articles)), ReviewItem.class);
        others.forEach(item -> queue.claim(item.id(), new Staff("bystander", true), null));

        ExecutorService pool = Executors.newFixedThreadPool(CLAIMERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<ReviewItem>>> claims = new ArrayList<>();
        for (int i = 0; i < CLAIMERS; i++) {
            Staff reviewer = new Staff("reviewer-" + i, false);
            Callable<Optional<ReviewItem>> claim = () -> {
                start.await();
                return queue.claimNext(reviewer, IdempotencyKey.random());
            };
            claims.add(pool.submit(claim));
        }
        start.countDown();
        List<ReviewItem> won = new ArrayList<>();
        for (Future<Optional<ReviewItem>> claim : claims) {
            claim.get().ifPresent(won::add);
        }
        pool.shutdown();

        assertThat(won).hasSize(ITEMS);
        assertThat(won).extracting(ReviewItem::articleId).containsExactlyInAnyOrderElementsOf(articles);
        assertThat(won).extracting(ReviewItem::claimedBy).doesNotHaveDuplicates();
        for (ReviewItem item : mongo.find(ours, ReviewItem.class)) {
            assertThat(item.activity()).extracting(ReviewItem.Activity::action).containsExactly("claimed");
        }
    }
}
