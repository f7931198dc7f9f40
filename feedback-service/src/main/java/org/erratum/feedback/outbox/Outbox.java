package org.erratum.feedback.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.erratum.feedback.config.FeedbackProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Accepted feedback that is not yet on Kafka. The feedback document itself is the outbox entry: intake writes it
 * with {@code published=false} and answers the reader once MongoDB has it, so there is no second write that could
 * be lost between the feedback and its event. The relay marks an entry published only after Kafka acknowledged it.
 * <p>
 * Two ways lead from here to the relay. Intake hands each entry over in memory once it is stored ({@link #accepted}),
 * so the relay publishes it without reading it back; and the relay sweeps the stored pending entries, oldest first
 * ({@link #pending}), when it starts, after Kafka failed it, when more was handed over than it could hold, and every
 * {@code sweep-interval} for entries another instance stored but never relayed. The in-memory hand-over is only a
 * shortcut: losing it (a crash) loses nothing, since the entry is stored before it is handed over.
 * <p>
 * The write is as durable as the MongoDB write concern makes it. The driver's default ({@code w=1}) is kept here so
 * development and tests run on a single node; production points {@code spring.mongodb.uri} at a replica set with
 * {@code w=majority}, so an acknowledged entry survives the loss of the primary.
 */
@Component
public class Outbox {

    private static final Sort ACCEPTANCE_ORDER = Sort.by("acceptedAt"); // the order of the "pending" index

    private final MongoTemplate mongo;
    private final Clock clock;
    private final BlockingQueue<OutboxEntry> handedOver;

    /** Permits mean "there is something for the relay"; many signals fold into one wake-up. */
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicBoolean sweepRequested = new AtomicBoolean();

    Outbox(MongoTemplate mongo, Clock clock, FeedbackProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.handedOver = new LinkedBlockingQueue<>(properties.outbox().handOverCapacity());
    }

    /**
     * Hands a stored pending entry to the relay. When the relay is too far behind to hold it, the entry waits in
     * the store for the next sweep instead, which this requests.
     */
    public void accepted(OutboxEntry entry) {
        if (handedOver.offer(entry)) {
            wake();
        } else {
            requestSweep();
        }
    }

    /** Asks the relay to look for stored pending entries that were not handed over, e.g. written by another process. */
    public void requestSweep() {
        sweepRequested.set(true);
        wake();
    }

    private void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /** Entries handed over since the last call, in the order they were handed over; at most {@code limit}. */
    public List<OutboxEntry> takeHandedOver(int limit) {
        List<OutboxEntry> entries = new ArrayList<>(Math.min(limit, handedOver.size()));
        handedOver.drainTo(entries, limit);
        return entries;
    }

    /** Whether a sweep was requested since the last call. */
    public boolean takeSweepRequest() {
        return sweepRequested.getAndSet(false);
    }

    /** Drops everything handed over: the sweep that follows reads it from the store, in acceptance order. */
    public void forgetHandedOver() {
        handedOver.clear();
    }

    /**
     * Waits until something is handed over or a sweep requested, or the timeout passes, whichever comes first.
     *
     * @return whether the relay was woken
     */
    public boolean awaitWork(Duration timeout) throws InterruptedException {
        if (!handedOver.isEmpty() || sweepRequested.get()) {
            wakeUp.drainPermits(); // the work is seen now; a stale permit would only cause an idle round
            return true;
        }
        boolean woken = wakeUp.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        wakeUp.drainPermits();
        return woken;
    }

    /**
     * The oldest unpublished entries of one kind, in the order they were accepted. Kafka keys by article, so this
     * order is also each article's order on its partition.
     */
    public <T extends OutboxEntry> List<T> pending(Class<T> type, int limit) {
        return mongo.find(pendingQuery().with(ACCEPTANCE_ORDER).limit(limit), type);
    }

    /** How many entries of one kind wait for Kafka, and since when the oldest does. */
    public <T extends OutboxEntry> Backlog backlog(Class<T> type) {
        long depth = mongo.count(pendingQuery(), type);
        Optional<Instant> oldest = depth == 0 ? Optional.empty()
                : pending(type, 1).stream().findFirst().map(OutboxEntry::acceptedAt);
        return new Backlog(depth, oldest);
    }

    private static Query pendingQuery() {
        return query(where("published").is(false));
    }

    /**
     * Marks entries whose events Kafka acknowledged, in one bulk write. Only the event that was sent is marked: a vote
     * replaced meanwhile carries a new event id, so it stays pending for that event. Each update names the document
     * by id and event id, which the {@code event} unique index answers, so no update scans the collection, not even
     * on stores that ignore every index but unique ones.
     */
    public void markPublished(Collection<? extends OutboxEntry> acknowledged) {
        if (acknowledged.isEmpty()) {
            return;
        }
        Class<? extends OutboxEntry> type = acknowledged.iterator().next().getClass();
        Bson published = Updates.combine(Updates.set("published", true),
                Updates.set("publishedAt", Date.from(clock.instant())));
        // With the driver directly: mapping a query and an update per entry cost more than the writes themselves.
        // A plain two-field filter, not Filters.and, whose $and form the embedded store cannot match to the index.
        mongo.getCollection(mongo.getCollectionName(type)).bulkWrite(acknowledged.stream()
                .map(entry -> new UpdateOneModel<Document>(
                        new Document("_id", entry.id()).append("eventId", entry.eventId()), published))
                .toList(), new BulkWriteOptions().ordered(false));
    }

    /**
     * @param depth  entries not yet acknowledged by Kafka
     * @param oldest when the oldest of them was accepted; empty when there are none
     */
    public record Backlog(long depth, Optional<Instant> oldest) {
    }
}
