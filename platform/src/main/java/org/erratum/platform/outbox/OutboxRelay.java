package org.erratum.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.erratum.platform.outbox.Outbox.Round;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Publishes an outbox's pending entries, on one thread per outbox and instance.
 * <ul>
 * <li>Complete: a sweep reads the stored pending entries, oldest first, when the relay starts, after Kafka failed
 * it, when the hand-over overflowed or a sweep was requested, and every {@code sweep-interval}; the hand-over is
 * used only while the last sweep found everything published ("caught up"), so nothing stored is skipped.</li>
 * <li>In order: entries go out in the store's order; an article's events share a partition, and the idempotent
 * producer keeps a partition's records in send order even across retries.</li>
 * <li>Patient: when Kafka does not acknowledge, the relay pauses with an exponential back-off and sweeps again
 * from the oldest pending entry; records that did reach Kafka are then sent again.</li>
 * <li>Shared: several instances may relay the same entries at once. Consumers dedupe by event id or keep the
 * highest version, so that costs only duplicates, never loss.</li>
 * </ul>
 */
final class OutboxRelay<E> {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Longer than a back-off pause ever lasts, since stopping ends it; only a send in flight can delay it. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Outbox<E> outbox;
    private final OutboxStore<E> store;
    private final OutboxProperties.Relay settings;
    private final OutboxMetrics metrics;
    private final Clock clock;
    private final HandOver<E> handOver;
    private final ExponentialBackOff backOff;

    private volatile Thread thread;
    private volatile CountDownLatch stopping = new CountDownLatch(0);

    OutboxRelay(Outbox<E> outbox, OutboxStore<E> store, OutboxProperties.Relay settings, OutboxMetrics metrics,
            Clock clock) {
        this.outbox = outbox;
        this.store = store;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.handOver = new HandOver<>(settings.handOverCapacity(), entry -> store.eventOf(entry).eventId());
        this.backOff = new ExponentialBackOff(settings.retryBackoff().toMillis(), 2.0);
        this.backOff.setMaxInterval(settings.retryBackoffMax().toMillis());
    }

    HandOver<E> handOver() {
        return handOver;
    }

    synchronized void start(String threadName) {
        stopping = new CountDownLatch(1);
        Thread relay = new Thread(this::relayUntilStopped, threadName);
        relay.setDaemon(true);
        relay.start();
        thread = relay;
    }

    synchronized void stop() {
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

    boolean isRunning() {
        return thread != null;
    }

    private void relayUntilStopped() {
        BackOffExecution backingOff = null;
        boolean caughtUp = false; // entries stored before this start may be pending: sweep first
        long nextSweep = System.nanoTime();
        while (stopping.getCount() > 0) {
            try {
                boolean sweepRequested = handOver.takeSweepRequest();
                boolean sweep = !caughtUp || sweepRequested || System.nanoTime() - nextSweep >= 0;
                Round round = sweep ? sweepRound() : relayHandedOver();
                if (round.failed()) {
                    caughtUp = false;
                    metrics.failed();
                    backingOff = backingOff == null ? backOff.start() : backingOff;
                    long pause = backingOff.nextBackOff();
                    log.warn("Outbox relay {}: Kafka did not acknowledge every event ({} did); next attempt in {} ms",
                            outbox.name(), round.acknowledged(), pause);
                    pause(pause);
                    continue;
                }
                if (backingOff != null) {
                    log.info("Outbox relay {}: Kafka acknowledges again", outbox.name());
                    backingOff = null;
                }
                if (sweep) {
                    caughtUp = !round.full();
                    nextSweep = System.nanoTime() + settings.sweepInterval().toNanos();
                }
                if (caughtUp && !round.full()) {
                    handOver.awaitWork(Duration.ofNanos(Math.max(0, nextSweep - System.nanoTime())));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the database unreachable, or a bug: keep the thread alive and try again later
                caughtUp = false;
                metrics.failed();
                backingOff = backingOff == null ? backOff.start() : backingOff;
                long pause = backingOff.nextBackOff();
                log.warn("Outbox relay {} failed; next attempt in {} ms", outbox.name(), pause, e);
                try {
                    pause(pause);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /**
     * Sends one batch of the oldest stored pending entries, then, unless more batches follow at once, measures what
     * is still pending. Whatever was handed over so far is among what the store returns, so the hand-over is
     * dropped first: sending it again afterwards would only make duplicates.
     */
    Round sweepRound() throws InterruptedException {
        handOver.forget();
        Round round = outbox.send(store.pending(clock.instant().minus(settings.grace()), settings.batchSize()));
        if (round.failed() || !round.full()) {
            metrics.measured(store.backlog());
        }
        return round;
    }

    /** Sends the entries handed over since the last round. */
    Round relayHandedOver() throws InterruptedException {
        return outbox.send(handOver.take(settings.batchSize()));
    }

    /** Pauses for the back-off, returning early only when the relay stops. */
    private void pause(long millis) throws InterruptedException {
        if (stopping.await(millis, TimeUnit.MILLISECONDS)) {
            throw new InterruptedException("stopping");
        }
    }
}
