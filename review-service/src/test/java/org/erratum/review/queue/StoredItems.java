package org.erratum.review.queue;

import java.time.Duration;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.awaitility.Awaitility.await;

/** The queue's items as the integration tests find them in the store once the reports were consumed. */
final class StoredItems {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private StoredItems() {
    }

    /** Waits until the article's item holds that many reports. */
    static ReviewItem awaitItem(MongoTemplate mongo, String articleId, int reports) {
        return await().atMost(WAIT).until(() -> mongo.findOne(
                Query.query(Criteria.where("articleId").is(articleId).and("reportCount").is(reports)),
                ReviewItem.class), item -> item != null);
    }
}
