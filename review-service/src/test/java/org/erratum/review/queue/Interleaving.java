package org.erratum.review.queue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.erratum.review.article.KnownArticles;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The system's clock, which once told to runs another writer's action at its next reading first: the queue reads
 * the time after reading a poll's items and before writing them.
 */
final class Interleaving extends Clock {

    private final AtomicReference<Runnable> next = new AtomicReference<>();
    private volatile boolean interleaved;

    void atNextReading(Runnable action) {
        next.set(action);
    }

    boolean interleaved() {
        return interleaved;
    }

    /** The queue's signals as the context makes them, on this clock. */
    Signals signals(ApplicationContext context) {
        return new Signals(context.getBean(ItemStore.class), context.getBean(ItemReports.class),
                context.getBean(MongoTemplate.class), context.getBean(KnownArticles.class),
                context.getBean(QueueProperties.class), context.getBean(SlaProperties.class),
                context.getBean(QueueMetrics.class), this);
    }

    @Override
    public Instant instant() {
        Runnable action = next.getAndSet(null);
        if (action != null) {
            action.run();
            interleaved = true;
        }
        return Instant.now();
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
