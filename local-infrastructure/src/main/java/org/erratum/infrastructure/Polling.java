package org.erratum.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting for another process to get somewhere: it says nothing when it does, so ask every half second. */
public final class Polling {

    private static final Duration INTERVAL = Duration.ofMillis(500);

    private Polling() {
    }

    /** @return whether {@code done} became true within the timeout (it may throw to give up early) */
    public static boolean until(Duration timeout, BooleanSupplier done) {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.getAsBoolean()) {
            if (!Instant.now().isBefore(deadline)) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting", e);
            }
        }
        return true;
    }
}
