package org.erratum.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Stored entries on their way to the relay in memory, and the signals that wake it. Only a shortcut: losing it (a
 * crash) loses nothing, since an entry is stored before it is handed over, and a sweep finds it.
 * <p>
 * A document written again before its earlier event was marked published hands that event over again, ahead of its
 * new one (so an event never goes out before the earlier ones of its document, whichever request hands over first).
 * What Kafka acknowledged lately is remembered by event id, as many as the hand-over holds, so such an event is not
 * sent twice.
 */
final class HandOver<E> {

    private final int capacity;
    private final BlockingQueue<E> entries;
    private final Function<E, UUID> eventId;
    private final Set<UUID> published;

    /** Permits mean "there is something for the relay"; many signals fold into one wake-up. */
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicBoolean sweepRequested = new AtomicBoolean();

    HandOver(int capacity, Function<E, UUID> eventId) {
        this.capacity = capacity;
        this.entries = new LinkedBlockingQueue<>(Math.max(1, capacity));
        this.eventId = eventId;
        this.published = Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                return size() > capacity;
            }
        });
    }

    /** When the relay is too far behind to hold the entry, it waits in the store for a sweep, which this requests. */
    void add(E entry) {
        if (capacity > 0 && entries.offer(entry)) {
            wake();
        } else {
            requestSweep();
        }
    }

    void requestSweep() {
        sweepRequested.set(true);
        wake();
    }

    private void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /**
     * Entries handed over since the last call, in the order they were handed over, at most {@code limit} of them;
     * without those whose event Kafka acknowledged lately or that came earlier in the same take.
     */
    List<E> take(int limit) {
        List<E> taken = new ArrayList<>(Math.min(limit, entries.size()));
        entries.drainTo(taken, limit);
        Set<UUID> seen = new HashSet<>();
        synchronized (published) {
            taken.removeIf(entry -> {
                UUID id = eventId.apply(entry);
                return published.contains(id) || !seen.add(id);
            });
        }
        return taken;
    }

    /** Whether Kafka acknowledged the entry's event lately (as far as the hand-over remembers). */
    boolean acknowledgedLately(E entry) {
        synchronized (published) {
            return published.contains(eventId.apply(entry));
        }
    }

    /** Remembers the events Kafka acknowledged, when the hand-over is in use. */
    void published(List<E> acknowledged) {
        if (capacity == 0) {
            return;
        }
        synchronized (published) {
            acknowledged.forEach(entry -> published.add(eventId.apply(entry)));
        }
    }

    /** Whether a sweep was requested since the last call. */
    boolean takeSweepRequest() {
        return sweepRequested.getAndSet(false);
    }

    /** Drops everything handed over: the sweep that follows reads it from the store, in order. */
    void forget() {
        entries.clear();
    }

    /**
     * Waits until something is handed over or a sweep requested, or the timeout passes, whichever comes first.
     *
     * @return whether the relay was woken
     */
    boolean awaitWork(Duration timeout) throws InterruptedException {
        if (!entries.isEmpty() || sweepRequested.get()) {
            wakeUp.drainPermits(); // the work is seen now; a stale permit would only cause an idle round
            return true;
        }
        boolean woken = wakeUp.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        wakeUp.drainPermits();
        return woken;
    }
}
