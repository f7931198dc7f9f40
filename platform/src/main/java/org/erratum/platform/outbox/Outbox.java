package org.erratum.platform.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One outbox: entries in a {@link OutboxStore}, published to one topic, with a relay of its own. Made by
 * {@link Outboxes}; it starts and stops with the application.
 * <p>
 * An entry reaches Kafka in one of three ways, and is marked published only on the broker's acknowledgement:
 * <ul>
 * <li>{@link #publishNow}: the request that stored it sends it and waits for the acknowledgement (the change stands
 * whether or not it comes);</li>
 * <li>{@link #handOver}: the request hands it to the relay in memory and answers at once; the relay sends batches
 * without waiting between records (when the outbox's {@code hand-over-capacity} is above zero);</li>
 * <li>a sweep of the relay reads what is pending, oldest first, and sends it.</li>
 * </ul>
 */
public final class Outbox<E> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final String name;
    private final NewTopic topic;
    private final OutboxStore<E> store;
    private final EventPublisher publisher;
    private final OutboxProperties.Relay settings;
    private final OutboxMetrics metrics;
    private final OutboxRelay<E> relay;

    Outbox(String name, NewTopic topic, OutboxStore<E> store, EventPublisher publisher,
            OutboxProperties.Relay settings, OutboxMetrics metrics, Clock clock) {
        this.name = name;
        this.topic = topic;
        this.store = store;
        this.publisher = publisher;
        this.settings = settings;
        this.metrics = metrics;
        this.relay = new OutboxRelay<>(this, store, settings, metrics, clock);
    }

    OutboxRelay<E> relay() {
        return relay;
    }

    public String name() {
        return name;
    }

    /** The topic it publishes to, declared when the application starts. */
    public NewTopic topic() {
        return topic;
    }

    /**
     * Sends stored entries in order and waits for Kafka's acknowledgement.
     *
     * @return false when Kafka did not acknowledge every one: the rest stays pending for the relay
     */
    public boolean publishNow(List<E> entries) {
        try {
            Round round = send(entries);
            if (round.failed()) {
                log.warn("Outbox {}: {} of {} events are stored but not acknowledged by Kafka yet; the relay will"
                        + " publish them", name, entries.size() - round.acknowledged(), entries.size());
            }
            return !round.failed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@link #publishNow(List)} for one entry. */
    public boolean publishNow(E entry) {
        return publishNow(List.of(entry));
    }

    /** Hands a stored entry to the relay, which publishes it without reading it back (or with its next sweep). */
    public void handOver(E entry) {
        relay.handOver().add(entry);
    }

    /**
     * {@link #handOver(Object)} for several entries, published in this order: a document's pending entries oldest
     * first, those handed over before included, which the relay sends only if Kafka has not acknowledged them yet.
     */
    public void handOver(List<E> entries) {
        entries.forEach(relay.handOver()::add);
    }

    /** Asks the relay to sweep now, e.g. for entries another process stored. */
    public void requestSweep() {
        relay.handOver().requestSweep();
    }

    /**
     * Sends a batch in order without waiting between records, then marks what Kafka acknowledged, and sends at
     * once the newer state of any entry that changed meanwhile.
     */
    Round send(List<E> batch) throws InterruptedException {
        if (batch.isEmpty()) {
            return Round.EMPTY;
        }
        // acknowledged lately, on the other path (the relay, or a writer's publishNow), and perhaps not marked yet:
        // marked, not sent again; a race between the two paths still costs a duplicate, which consumers drop
        List<E> acknowledged = new ArrayList<>(batch.size());
        List<E> sending = new ArrayList<>(batch.size());
        batch.forEach(entry -> (relay.handOver().acknowledgedLately(entry) ? acknowledged : sending).add(entry));
        int markedOnly = acknowledged.size();
        List<CompletableFuture<Void>> sends = new ArrayList<>(sending.size());
        boolean failed = false;
        for (E entry : sending) {
            CompletableFuture<Void> sent = publisher.send(topic.name(), store.eventOf(entry),
                    store.traceparentOf(entry));
            sends.add(sent);
            if (sent.isCompletedExceptionally()) {
                // not even queued (no broker for max.block.ms): the rest of the batch would fare no better
                failed = true;
                break;
            }
        }
        for (int i = 0; i < sends.size(); i++) {
            if (acknowledgedByKafka(sends.get(i))) {
                acknowledged.add(sending.get(i));
            } else {
                failed = true;
            }
        }
        relay.handOver().published(acknowledged);
        List<E> changedMeanwhile = acknowledged.isEmpty() ? List.of() : store.markPublished(acknowledged);
        metrics.published(acknowledged.size() - markedOnly);
        Round round = new Round(acknowledged.size(), batch.size() >= settings.batchSize(), failed);
        return changedMeanwhile.isEmpty() ? round : round.and(send(changedMeanwhile));
    }

    /** Waits for the send's outcome; the producer's delivery timeout bounds the wait. */
    private boolean acknowledgedByKafka(CompletableFuture<Void> send) throws InterruptedException {
        try {
            send.get();
            return true;
        } catch (ExecutionException e) {
            log.debug("Outbox {}: Kafka did not acknowledge an event", name, e.getCause());
            return false;
        }
    }

    @Override
    public void start() {
        relay.start("outbox-relay-" + name);
    }

    @Override
    public void stop() {
        relay.stop();
    }

    @Override
    public boolean isRunning() {
        return relay.isRunning();
    }

    /**
     * @param acknowledged entries Kafka acknowledged and the store marked published
     * @param full         a batch was full, so more entries are probably waiting
     * @param failed       some entry was not acknowledged; it is still pending
     */
    record Round(int acknowledged, boolean full, boolean failed) {

        static final Round EMPTY = new Round(0, false, false);

        Round and(Round other) {
            return new Round(acknowledged + other.acknowledged, full || other.full, failed || other.failed);
        }
    }
}
