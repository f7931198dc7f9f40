package org.erratum.feedback.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Accepted feedback that is not yet on Kafka. The feedback document itself is the outbox entry: intake writes it
 * with {@code published=false} and answers the reader once MongoDB has it, so there is no second write that could
 * be lost between the feedback and its event. A relay reads the pending entries oldest first, publishes them and
 * marks each one published only after Kafka acknowledged it.
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

    /** Permits mean "something was stored since the relay last looked"; many signals fold into one wake-up. */
    private final Semaphore pendingSignal = new Semaphore(0);

    Outbox(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Tells the relay that a pending entry was just stored, so it publishes without waiting for its next sweep. */
    public void signalPending() {
        if (pendingSignal.availablePermits() == 0) {
            pendingSignal.release();
        }
    }

    /**
     * Waits until an entry is signalled or the timeout passes, whichever comes first.
     *
     * @return whether an entry was signalled
     */
    public boolean awaitSignal(Duration timeout) throws InterruptedException {
        boolean signalled = pendingSignal.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        pendingSignal.drainPermits();
        return signalled;
    }

    /**
     * The oldest unpublished entries of one kind, in the order they were accepted. Kafka keys by article, so this
     * order is also each article's order on its partition.
     */
    public <T extends OutboxEntry> List<T> pending(Class<T> type, int limit) {
        Query pending = query(where("published").is(false)).with(ACCEPTANCE_ORDER).limit(limit);
        return mongo.find(pending, type);
    }

    /**
     * Marks entries whose events Kafka acknowledged, in one write. Only the event that was sent is marked: a vote
     * replaced meanwhile carries a new event id, which is in no batch yet, so it stays pending for that event. (One
     * {@code $in} update rather than an update per entry: the embedded store scans the collection for every query
     * that is not a plain id lookup.)
     */
    public void markPublished(Collection<? extends OutboxEntry> acknowledged) {
        if (acknowledged.isEmpty()) {
            return;
        }
        Class<? extends OutboxEntry> type = acknowledged.iterator().next().getClass();
        List<String> ids = acknowledged.stream().map(OutboxEntry::id).toList();
        List<String> eventIds = acknowledged.stream().map(OutboxEntry::eventId).toList();
        mongo.updateMulti(query(where("_id").in(ids).and("eventId").in(eventIds)),
                new Update().set("published", true).set("publishedAt", clock.instant()), type);
    }
}
