package org.erratum.review.console;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.review.Fixtures;
import org.erratum.review.article.KnownArticle;
import org.erratum.review.article.RevisionText;
import org.erratum.review.queue.ReviewItem;
import org.erratum.testsupport.TopicProbe;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Review items as the console's tests start from them: reported by a reader, on an article the service knows. */
final class ReportedItems {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private ReportedItems() {
    }

    /** An article known in revisions 1 and 2 (both with the fixture's dosage text), and one report on revision 1. */
    static ReviewItem reportedItem(MongoTemplate mongo, String passage, String comment) {
        return reportedItem(mongo, Category.INACCURATE, passage, comment);
    }

    /** The same, the report of this category. */
    static ReviewItem reportedItem(MongoTemplate mongo, Category category, String passage, String comment) {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.article(articleId, 1, 1));
        TopicProbe.publish(Fixtures.article(articleId, 2, 2));
        await().atMost(WAIT).until(() -> mongo.findById(articleId + ":1", RevisionText.class) != null
                && mongo.findById(articleId, KnownArticle.class) != null
                && mongo.findById(articleId, KnownArticle.class).revision() == 2);
        return reportOnRevision1(mongo, articleId, category, passage, comment);
    }

    /** A reader's report on revision 1 of an article the service already knows, and the item it opens. */
    static ReviewItem reportOnRevision1(MongoTemplate mongo, String articleId, String passage, String comment) {
        return reportOnRevision1(mongo, articleId, Category.INACCURATE, passage, comment);
    }

    private static ReviewItem reportOnRevision1(MongoTemplate mongo, String articleId, Category category,
            String passage, String comment) {
        TopicProbe.publish(new ReportSubmitted(UUID.randomUUID(), Instant.now(), articleId, 1, category,
                passage, comment, false));
        return await().atMost(WAIT).until(() -> mongo.findOne(Query.query(Criteria.where("articleId").is(articleId)),
                ReviewItem.class), item -> item != null);
    }
}
