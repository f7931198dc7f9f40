package org.erratum.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stored entries on their way to the relay in memory, and the signals that wake it. Only a shortcut: losing it (a
 * crash) loses nothing, since an entry is stored before it is handed over, and a sweep finds it.
 */
final class HandOver<E> {

    private final int capacity;
    private final BlockingQueue<E> entries;

    /** Permits mean "there is something for the relay"; many signals fold into one wake-up. */
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicBoolean sweepRequested = new AtomicBoolean();

    HandOver(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedBlockingQueue<>(Math.max(1, capacity));
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

    /** Entries handed over since the last call, in the order they were handed over; at most {@code limit}. */
    List<E> take(int limit) {
        List<E> taken = new ArrayList<>(Math.min(limit, entries.size()));
        entries.drainTo(taken, limit);
        return taken;
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
