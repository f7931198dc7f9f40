package org.erratum.feedback.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.erratum.feedback.config.FeedbackProperties;
import org.erratum.feedback.outbox.Outbox;
import org.erratum.feedback.outbox.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes accepted feedback from the {@link Outbox} to Kafka, on one thread per instance.
 * <ul>
 * <li>Prompt: every accepted item wakes the relay; a sweep every {@code sweep-interval} catches entries no
 * wake-up announced (written by an instance that stopped before relaying them).</li>
 * <li>In order: entries go out oldest first, per kind of feedback; an article's events share a partition, and the
 * idempotent producer keeps a partition's records in send order even across retries.</li>
 * <li>Fast: a batch is sent without waiting between records, then each entry whose record Kafka acknowledged is
 * marked published. Nothing is marked on a send alone.</li>
 * <li>Patient: when Kafka does not acknowledge, the relay pauses with a doubling back-off and starts again from
 * the oldest pending entry, so nothing is skipped; records that did reach Kafka are then sent again.</li>
 * <li>Shared: several instances may relay the same entries at once. Consumers dedupe by event id, so that costs
 * only duplicates, never loss.</li>
 * </ul>
 */
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Longer than a back-off pause never lasts, since stopping ends it; only a send in flight can delay it. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    /** One kind of feedback: where its entries live and which topic announces them. */
    record Kind<T extends OutboxEntry>(String name, String topic, Class<T> type) {
    }

    private final Outbox outbox;
    private final FeedbackEventProducer producer;
    private final FeedbackProperties.Outbox settings;
    private final List<Kind<?>> kinds;
    private final Counter relayed;
    private final Counter failed;

    private volatile Thread thread;
    private volatile CountDownLatch stopping = new CountDownLatch(0);

    OutboxRelay(Outbox outbox, FeedbackEventProducer producer, FeedbackProperties.Outbox settings,
            MeterRegistry meters, List<Kind<?>> kinds) {
        this.outbox = outbox;
        this.producer = producer;
        this.settings = settings;
        this.kinds = List.copyOf(kinds);
        this.relayed = Counter.builder("erratum.feedback.outbox.relayed")
                .description("Feedback events Kafka acknowledged from the outbox").register(meters);
        this.failed = Counter.builder("erratum.feedback.outbox.relay.failures")
                .description("Outbox relay rounds that Kafka or MongoDB did not complete").register(meters);
    }

    @Override
    public synchronized void start() {
        stopping = new CountDownLatch(1);
        Thread relay = new Thread(this::relayUntilStopped, "outbox-relay");
        relay.setDaemon(true);
        relay.start();
        thread = relay;
    }

    @Override
    public synchronized void stop() {
        Thread running = thread;
        if (running == null) {
            return;
        }
        stopping.countDown();
        running.interrupt();
        try {
            running.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void relayUntilStopped() {
        Duration backoff = null;
        while (stopping.getCount() > 0) {
            try {
                Round round = relayRound();
                if (round.failed()) {
                    failed.increment();
                    backoff = longer(backoff);
                    log.warn("Outbox relay: Kafka did not acknowledge every event ({} did); next attempt in {}",
                            round.acknowledged(), backoff);
                    pause(backoff);
                    continue;
                }
                if (backoff != null) {
                    log.info("Outbox relay: Kafka acknowledges again");
                    backoff = null;
                }
                if (!round.full()) {
                    outbox.awaitSignal(settings.sweepInterval());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // MongoDB unreachable, or a bug: keep the thread alive and try again later
                failed.increment();
                backoff = longer(backoff);
                log.warn("Outbox relay failed; next attempt in {}", backoff, e);
                try {
                    pause(backoff);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Sends one batch of each kind. */
    Round relayRound() throws InterruptedException {
        Round round = Round.EMPTY;
        for (Kind<?> kind : kinds) {
            round = round.and(relayBatch(kind));
            if (round.failed()) {
                break; // Kafka is away for every topic alike
            }
        }
        return round;
    }

    private <T extends OutboxEntry> Round relayBatch(Kind<T> kind) throws InterruptedException {
        List<T> batch = outbox.pending(kind.type(), settings.batchSize());
        if (batch.isEmpty()) {
            return Round.EMPTY;
        }
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(batch.size());
        boolean failed = false;
        for (T entry : batch) {
            try {
                sends.add(producer.send(kind.topic(), entry.event()));
            } catch (RuntimeException e) {
                // not even queued (no broker for max.block.ms): the rest of the batch would fare no better
                failed = true;
                break;
            }
        }
        List<T> acknowledged = new ArrayList<>(sends.size());
        for (int i = 0; i < sends.size(); i++) {
            if (acknowledgedByKafka(sends.get(i))) {
                acknowledged.add(batch.get(i));
            } else {
                failed = true;
            }
        }
        outbox.markPublished(acknowledged);
        relayed.increment(acknowledged.size());
        return new Round(acknowledged.size(), batch.size() == settings.batchSize(), failed);
    }

    /** Waits for the send's outcome; the producer's delivery timeout bounds the wait. */
    private static boolean acknowledgedByKafka(CompletableFuture<SendResult<String, String>> send) throws InterruptedException {
        try {
            send.get();
            return true;
        } catch (ExecutionException e) {
            log.debug("Kafka did not acknowledge a feedback event", e.getCause());
            return false;
        }
    }

    /** The first back-off, or twice the last one up to the maximum. */
    private Duration longer(Duration backoff) {
        if (backoff == null) {
            return settings.retryBackoff();
        }
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(settings.retryBackoffMax()) > 0 ? settings.retryBackoffMax() : doubled;
    }

    /** Pauses for the back-off, returning early only when the relay stops. */
    private void pause(Duration backoff) throws InterruptedException {
        if (stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new InterruptedException("stopping");
        }
    }

    /**
     * @param acknowledged entries Kafka acknowledged and the relay marked published
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
