package org.erratum.feedback.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
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
 * <li>Prompt: intake hands each stored entry over in memory and wakes the relay, which publishes it without reading
 * it back from the store.</li>
 * <li>Complete: a sweep reads the stored pending entries, oldest first, when the relay starts, after Kafka failed
 * it, when the hand-over overflowed, and every {@code sweep-interval}; the hand-over is used only while the last
 * sweep found everything published ("caught up"), so nothing accepted is skipped.</li>
 * <li>In order: entries go out in acceptance order; an article's events share a partition, and the idempotent
 * producer keeps a partition's records in send order even across retries.</li>
 * <li>Fast: a batch is sent without waiting between records, then each entry whose record Kafka acknowledged is
 * marked published. Nothing is marked on a send alone.</li>
 * <li>Patient: when Kafka does not acknowledge, the relay pauses with a doubling back-off and sweeps again from the
 * oldest pending entry; records that did reach Kafka are then sent again.</li>
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
    private final Map<Class<?>, BacklogGauges> backlogs = new HashMap<>();
    private final Counter relayed;
    private final Counter failed;

    private volatile Thread thread;
    private volatile CountDownLatch stopping = new CountDownLatch(0);

    OutboxRelay(Outbox outbox, FeedbackEventProducer producer, FeedbackProperties.Outbox settings,
            MeterRegistry meters, Clock clock, List<Kind<?>> kinds) {
        this.outbox = outbox;
        this.producer = producer;
        this.settings = settings;
        this.kinds = List.copyOf(kinds);
        this.relayed = Counter.builder("erratum.feedback.outbox.relayed")
                .description("Feedback events Kafka acknowledged from the outbox").register(meters);
        this.failed = Counter.builder("erratum.feedback.outbox.relay.failures")
                .description("Outbox relay rounds that Kafka or MongoDB did not complete").register(meters);
        for (Kind<?> kind : kinds) {
            backlogs.put(kind.type(), new BacklogGauges(kind.name(), meters, clock));
        }
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
        boolean caughtUp = false; // entries stored before this start may be pending: sweep first
        long nextSweep = System.nanoTime();
        while (stopping.getCount() > 0) {
            try {
                boolean sweepRequested = outbox.takeSweepRequest();
                boolean sweep = !caughtUp || sweepRequested || System.nanoTime() - nextSweep >= 0;
                Round round = sweep ? sweepRound() : relayHandedOver();
                if (round.failed()) {
                    caughtUp = false;
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
                if (sweep) {
                    caughtUp = !round.full();
                    nextSweep = System.nanoTime() + settings.sweepInterval().toNanos();
                }
                if (caughtUp && !round.full()) {
                    outbox.awaitWork(Duration.ofNanos(Math.max(0, nextSweep - System.nanoTime())));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // MongoDB unreachable, or a bug: keep the thread alive and try again later
                caughtUp = false;
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

    /**
     * Sends one batch of the oldest stored pending entries of each kind, then, unless more batches follow at once,
     * measures what is still pending. Whatever was handed over so far is among what the store returns, so the
     * hand-over is dropped first: sending it again afterwards would only make duplicates.
     */
    Round sweepRound() throws InterruptedException {
        outbox.forgetHandedOver();
        Round round = Round.EMPTY;
        for (Kind<?> kind : kinds) {
            round = round.and(send(outbox.pending(kind.type(), settings.batchSize())));
            if (round.failed()) {
                break; // Kafka is away for every topic alike
            }
        }
        if (round.failed() || !round.full()) {
            for (Kind<?> kind : kinds) {
                backlogs.get(kind.type()).update(outbox.backlog(kind.type()));
            }
        }
        return round;
    }

    /** Sends the entries intake handed over since the last round. */
    Round relayHandedOver() throws InterruptedException {
        return send(outbox.takeHandedOver(settings.batchSize()));
    }

    /** Sends a batch in order without waiting between records, then marks what Kafka acknowledged. */
    private Round send(List<? extends OutboxEntry> batch) throws InterruptedException {
        if (batch.isEmpty()) {
            return Round.EMPTY;
        }
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(batch.size());
        boolean failed = false;
        for (OutboxEntry entry : batch) {
            try {
                sends.add(producer.send(kindOf(entry).topic(), entry));
            } catch (RuntimeException e) {
                // not even queued (no broker for max.block.ms): the rest of the batch would fare no better
                failed = true;
                break;
            }
        }
        Map<Class<?>, List<OutboxEntry>> acknowledged = new LinkedHashMap<>();
        int count = 0;
        for (int i = 0; i < sends.size(); i++) {
            if (acknowledgedByKafka(sends.get(i))) {
                OutboxEntry entry = batch.get(i);
                acknowledged.computeIfAbsent(entry.getClass(), type -> new ArrayList<>()).add(entry);
                count++;
            } else {
                failed = true;
            }
        }
        acknowledged.values().forEach(outbox::markPublished);
        relayed.increment(count);
        return new Round(count, batch.size() == settings.batchSize(), failed);
    }

    private Kind<?> kindOf(OutboxEntry entry) {
        for (Kind<?> kind : kinds) {
            if (kind.type().isInstance(entry)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("No topic for " + entry.getClass().getName());
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

    /** The outbox backlog of one kind as last measured by a sweep, for the depth and age gauges. */
    private static final class BacklogGauges {

        private final AtomicReference<Outbox.Backlog> last = new AtomicReference<>(
                new Outbox.Backlog(0, Optional.empty()));

        BacklogGauges(String kind, MeterRegistry meters, Clock clock) {
            Gauge.builder("erratum.feedback.outbox.depth", last, backlog -> backlog.get().depth())
                    .description("Accepted feedback not yet acknowledged by Kafka, as of the last sweep")
                    .tag("kind", kind).register(meters);
            TimeGauge.builder("erratum.feedback.outbox.oldest.age", last, TimeUnit.SECONDS,
                    backlog -> backlog.get().oldest()
                            .map(oldest -> Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0))
                            .orElse(0.0))
                    .description("Age of the oldest feedback not yet acknowledged by Kafka, as of the last sweep")
                    .tag("kind", kind).register(meters);
        }

        void update(Outbox.Backlog backlog) {
            last.set(backlog);
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
