package org.erratum.feedback.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.erratum.events.ErratumEvent;
import org.erratum.platform.outbox.OutboxStore;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Accepted feedback of one kind that is not yet on Kafka. The feedback document itself is the outbox entry: intake
 * writes it with {@code published=false} and answers the reader once MongoDB has it, so there is no second write
 * that could be lost between the feedback and its event; intake then hands it to the relay in memory. The relay
 * marks an entry published only after Kafka acknowledged it.
 * <p>
 * The write is as durable as the MongoDB write concern makes it. The driver's default ({@code w=1}) is kept here so
 * development and tests run on a single node; production points {@code spring.mongodb.uri} at a replica set with
 * {@code w=majority}, so an acknowledged entry survives the loss of the primary.
 */
final class FeedbackOutbox<T extends OutboxEntry> implements OutboxStore<T> {

    private static final Sort ACCEPTANCE_ORDER = Sort.by("acceptedAt"); // the order of the "pending" index

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Class<T> type;

    FeedbackOutbox(MongoTemplate mongo, Clock clock, Class<T> type) {
        this.mongo = mongo;
        this.clock = clock;
        this.type = type;
    }

    /** Kafka keys by article, so acceptance order is also each article's order on its partition. */
    @Override
    public List<T> pending(Instant storedBefore, int limit) {
        return mongo.find(query(where("published").is(false).and("acceptedAt").lte(storedBefore))
                .with(ACCEPTANCE_ORDER).limit(limit), type);
    }

    @Override
    public ErratumEvent eventOf(T entry) {
        return entry.event();
    }

    @Override
    public String traceparentOf(T entry) {
        return entry.traceparent();
    }

    @Override
    public Backlog backlog() {
        Query pending = query(where("published").is(false));
        long depth = mongo.count(pending, type);
        if (depth == 0) {
            return Backlog.NONE;
        }
        T oldest = mongo.findOne(Query.of(pending).with(ACCEPTANCE_ORDER).limit(1), type);
        return new Backlog(depth, Optional.ofNullable(oldest).map(OutboxEntry::acceptedAt));
    }

    /**
     * Marks entries in one bulk write. Only the event that was sent is marked: a vote replaced meanwhile carries a
     * new event id, so it stays pending for that event. Each update names the document by id and event id: MongoDB
     * finds it by {@code _id}, the embedded store by the {@code event} index it alone gets ({@code EmbeddedStoreIndex}),
     * so no update scans the collection.
     */
    @Override
    public List<T> markPublished(List<T> acknowledged) {
        Bson published = Updates.combine(Updates.set("published", true),
                Updates.set("publishedAt", Date.from(clock.instant())));
        // With the driver directly: mapping a query and an update per entry cost more than the writes themselves.
        // A plain two-field filter, not Filters.and, whose $and form the embedded store cannot match to the index.
        mongo.getCollection(mongo.getCollectionName(type)).bulkWrite(acknowledged.stream()
                .map(entry -> new UpdateOneModel<Document>(
                        new Document("_id", entry.id()).append("eventId", entry.eventId()), published))
                .toList(), new BulkWriteOptions().ordered(false));
        return List.of();
    }
}
