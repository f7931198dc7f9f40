package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.stereotype.Component;

/**
 * Publishes item events that were stored but not acknowledged by Kafka: the broker was away, or the instance stopped
 * between storing and publishing (so this also runs after a restart). Safe on several instances at once: an event
 * published twice carries the same event id and version, and consumers keep the highest version per item.
 */
@Component
class ItemAnnouncementRelay implements SchedulingConfigurer {

    private static final String PENDING_SINCE = "outbox.occurredAt";

    private final MongoTemplate mongo;
    private final ItemAnnouncer announcer;
    private final ItemEventsProperties properties;
    private final Clock clock;

    ItemAnnouncementRelay(MongoTemplate mongo, ItemAnnouncer announcer, ItemEventsProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.announcer = announcer;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::announcePending, properties.relayInterval(),
                properties.relayInterval()));
    }

    void announcePending() {
        Instant before = clock.instant().minus(properties.relayGrace());
        Query waiting = Query.query(where(PENDING_SINCE).lt(before)).with(Sort.by(PENDING_SINCE))
                .limit(properties.relayBatch());
        for (ReviewItem item : mongo.find(waiting, ReviewItem.class)) {
            if (!announcer.announce(item)) {
                return; // the broker is away: the rest would fail the same way, try again on the next run
            }
        }
    }
}
