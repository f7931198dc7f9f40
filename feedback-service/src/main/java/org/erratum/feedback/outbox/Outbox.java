package org.erratum.feedback.outbox;

import java.time.Clock;
import java.time.Instant;

import org.erratum.feedback.config.FeedbackProperties;
import org.erratum.platform.messaging.EventNotPublishedException;
import org.erratum.platform.messaging.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Publishes stored feedback and remembers that it did. A publish that fails leaves the document unpublished for
 * {@link #relayPending} to retry; an event may then reach Kafka twice, which consumers absorb by deduplicating on
 * the event id.
 */
@Component
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final FeedbackProperties.Outbox settings;
    private final Clock clock;

    Outbox(MongoTemplate mongo, EventPublisher publisher, FeedbackProperties properties, Clock clock) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.settings = properties.outbox();
        this.clock = clock;
    }

    /**
     * Sends the entry's event and returns once Kafka acknowledged it.
     *
     * @throws EventNotPublishedException when Kafka did not acknowledge; the entry stays pending for the relay
     */
    public void publish(String binding, OutboxEntry entry) {
        publisher.publish(binding, entry.event());
        markPublished(entry);
    }

    /**
     * Publishes entries that a request stored but could not publish, oldest first. Entries younger than the grace
     * period are skipped: their request may still be waiting for the broker.
     *
     * @return how many entries were published
     */
    public <T extends OutboxEntry> int relayPending(String binding, Class<T> type) {
        Instant cutoff = clock.instant().minus(settings.gracePeriod());
        Query pending = query(where("published").is(false).and("acceptedAt").lt(cutoff))
                .with(Sort.by("acceptedAt"))
                .limit(settings.batchSize());
        int published = 0;
        for (T entry : mongo.find(pending, type)) {
            try {
                publish(binding, entry);
                published++;
            } catch (EventNotPublishedException e) {
                log.warn("Outbox relay stopped, Kafka is still not acknowledging: {}", e.getMessage());
                break;
            }
        }
        return published;
    }

    /** Only the event that was sent is marked: if the document was replaced meanwhile, its new event stays due. */
    private void markPublished(OutboxEntry entry) {
        mongo.updateFirst(query(where("_id").is(entry.id()).and("eventId").is(entry.eventId())),
                new Update().set("published", true).set("publishedAt", clock.instant()),
                entry.getClass());
    }
}
