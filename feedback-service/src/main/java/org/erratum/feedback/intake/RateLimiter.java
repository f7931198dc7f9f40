package org.erratum.feedback.intake;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * One token bucket per client for one kind of feedback (Bucket4j). Buckets live in memory, per instance. A bucket
 * left alone for a whole period has refilled completely, so forgetting it then loses nothing: idle buckets are
 * evicted after one period, and the least recently used go first beyond {@code maxClients}, which bounds memory
 * however many addresses a flood uses.
 */
final class RateLimiter {

    private final IntakeProperties.Limit limit;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    RateLimiter(IntakeProperties.Limit limit, long maxClients, TimeMeter time) {
        this.limit = limit;
        this.time = time;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(limit.period())
                .maximumSize(maxClients)
                .build();
    }

    RateLimiter(IntakeProperties.Limit limit, long maxClients) {
        this(limit, maxClients, TimeMeter.SYSTEM_NANOTIME);
    }

    /**
     * Takes one submission from the client's allowance.
     *
     * @param clientKey a stable key of the client, never its raw address
     * @return empty when the client may go ahead, else how long until it may try again
     */
    Optional<Duration> tryAcquire(String clientKey) {
        ConsumptionProbe probe = buckets.get(clientKey, key -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()).build())
                .withCustomTimePrecision(time)
                .build();
    }
}
