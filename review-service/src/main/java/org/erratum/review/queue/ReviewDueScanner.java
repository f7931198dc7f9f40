package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.erratum.review.article.KnownArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.stereotype.Component;

/**
 * Queues articles whose clinical review is due, or falls due within the lead time. Every instance may run it: the
 * queue's unique group key and the source check make a second run, anywhere, change nothing.
 */
@Component
class ReviewDueScanner implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ReviewDueScanner.class);

    private final MongoTemplate mongo;
    private final Signals signals;
    private final Clock clock;
    private final ReviewDueProperties properties;

    ReviewDueScanner(MongoTemplate mongo, Signals signals, Clock clock, ReviewDueProperties properties) {
        this.mongo = mongo;
        this.signals = signals;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::queueArticlesDueForReview, properties.interval(),
                properties.initialDelay()));
    }

    int queueArticlesDueForReview() {
        LocalDate horizon = LocalDate.ofInstant(clock.instant().plus(properties.leadTime()), ZoneOffset.UTC);
        int flagged = 0;
        for (KnownArticle article : mongo.find(Query.query(where("nextReviewDue").lte(horizon)), KnownArticle.class)) {
            if (signals.flagReviewDue(article.id())) {
                flagged++;
            }
        }
        if (flagged > 0) {
            log.info("Queued {} article(s) whose clinical review is due by {}", flagged, horizon);
        }
        return flagged;
    }
}
