package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.bson.Document;
import org.erratum.events.ReviewItemChanged;
import org.erratum.platform.messaging.EventNotPublishedException;
import org.erratum.platform.messaging.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Publishes an item's pending {@code review.items} events, oldest first, removing each from the item's outbox once
 * Kafka acknowledged it. A failure leaves it, and everything after it, for {@link ItemAnnouncementRelay}: the
 * item's events then still reach its article's partition in order.
 */
@Component
class ItemAnnouncer {

    /** The output binding declared in application.yml, bound to {@code review.items}. */
    static final String BINDING = "items";

    private static final Logger log = LoggerFactory.getLogger(ItemAnnouncer.class);

    private final EventPublisher publisher;
    private final MongoTemplate mongo;

    ItemAnnouncer(EventPublisher publisher, MongoTemplate mongo) {
        this.publisher = publisher;
        this.mongo = mongo;
    }

    /**
     * @param item the item as a write left it, with its outbox
     * @return false when Kafka did not acknowledge; the rest stays pending for the relay
     */
    boolean announce(ReviewItem item) {
        for (ReviewItemChanged event : item.outbox()) {
            try {
                publisher.publish(BINDING, event);
            } catch (EventNotPublishedException e) {
                log.warn("Review item {} version {} is saved but not announced yet; the relay will retry: {}",
                        item.id(), event.version(), e.getMessage());
                return false;
            }
            // not a change of the item: its version stays, so no write computed from it is refused for this
            mongo.updateFirst(Query.query(where("_id").is(item.id())),
                    new Update().pull("outbox", new Document("version", event.version())), ReviewItem.class);
        }
        return true;
    }
}
