package org.erratum.platform.outbox;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Each outbox's relay, by the outbox's name: {@code erratum.outbox.<name>.batch-size=2000}. An outbox not listed, or
 * a setting left out, takes the defaults of {@link Relay}.
 */
@Validated
@ConfigurationProperties("erratum")
public record OutboxProperties(Map<String, @Valid Relay> outbox) {

    public OutboxProperties {
        outbox = outbox == null ? Map.of() : Map.copyOf(outbox);
    }

    Relay relay(String name) {
        return outbox.getOrDefault(name, new Relay(null, null, null, null, null, null));
    }

    /**
     * @param sweepInterval    longest time between two sweeps, which read the pending entries oldest first (also
     *                         on every start, after Kafka failed, and when the hand-over overflowed) and measure the
     *                         backlog; {@code 10s}
     * @param grace            how long a sweep leaves an entry to the request that stored it and publishes it at once;
     *                         {@code 0s}
     * @param batchSize        most entries sent before waiting for their acknowledgements; {@code 100}
     * @param handOverCapacity most stored entries handed to the relay in memory, which sends them without reading
     *                         them back; beyond it they wait for a sweep. {@code 0} (no hand-over): entries are
     *                         published by the request that stored them, and by sweeps
     * @param retryBackoff     first pause after Kafka failed to acknowledge; doubles on each further failure;
     *                         {@code 500ms}
     * @param retryBackoffMax  longest pause while Kafka stays away; {@code 10s}
     */
    public record Relay(Duration sweepInterval, Duration grace, @Positive Integer batchSize,
            @PositiveOrZero Integer handOverCapacity, Duration retryBackoff, Duration retryBackoffMax) {

        public Relay {
            sweepInterval = sweepInterval == null ? Duration.ofSeconds(10) : sweepInterval;
            grace = grace == null ? Duration.ZERO : grace;
            batchSize = batchSize == null ? 100 : batchSize;
            handOverCapacity = handOverCapacity == null ? 0 : handOverCapacity;
            retryBackoff = retryBackoff == null ? Duration.ofMillis(500) : retryBackoff;
            retryBackoffMax = retryBackoffMax == null ? Duration.ofSeconds(10) : retryBackoffMax;
        }

        @AssertTrue(message = "sweep-interval and retry-backoff must be positive, grace not negative")
        boolean isTimed() {
            return sweepInterval.compareTo(Duration.ZERO) > 0 && retryBackoff.compareTo(Duration.ZERO) > 0 && !grace.isNegative();
        }

        @AssertTrue(message = "retry-backoff must be at most retry-backoff-max")
        boolean isBackoffWithinItsMaximum() {
            return retryBackoff.compareTo(retryBackoffMax) <= 0;
        }
    }
}
