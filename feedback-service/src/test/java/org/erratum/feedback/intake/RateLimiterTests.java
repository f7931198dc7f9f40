package org.erratum.feedback.intake;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTests {

    /** A clock the test moves by hand. */
    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter time = new TimeMeter() {

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    private final RateLimiter limiter = new RateLimiter(new IntakeProperties.ReportLimit(5, Duration.ofMinutes(10)),
            1000, time);

    @Test
    void aClientMaySendUpToTheCapacityAtOnceAndIsThenToldHowLongToWait() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("client-a")).as("submission %d", i + 1).isEmpty();
        }

        // five per ten minutes refill one every two minutes
        assertWaitIsAbout(limiter.tryAcquire("client-a"), Duration.ofMinutes(2));
    }

    @Test
    void theAllowanceComesBackOverThePeriod() {
        for (int i = 0; i < 5; i++) {
            limiter.tryAcquire("client-a");
        }
        advance(Duration.ofSeconds(90));
        assertWaitIsAbout(limiter.tryAcquire("client-a"), Duration.ofSeconds(30));

        advance(Duration.ofSeconds(30));
        assertThat(limiter.tryAcquire("client-a")).isEmpty();
        assertThat(limiter.tryAcquire("client-a")).isPresent();
    }

    @Test
    void clientsHaveAllowancesOfTheirOwn() {
        for (int i = 0; i < 5; i++) {
            limiter.tryAcquire("client-a");
        }

        assertThat(limiter.tryAcquire("client-a")).isPresent();
        assertThat(limiter.tryAcquire("client-b")).isEmpty();
    }

    @Test
    void aRefusedSubmissionDoesNotUseUpAnyAllowance() {
        for (int i = 0; i < 5; i++) {
            limiter.tryAcquire("client-a");
        }
        for (int i = 0; i < 10; i++) {
            limiter.tryAcquire("client-a");
        }

        advance(Duration.ofMinutes(2));
        assertThat(limiter.tryAcquire("client-a")).isEmpty();
    }

    private static void assertWaitIsAbout(Optional<Duration> wait, Duration expected) {
        assertThat(wait).hasValueSatisfying(
                d -> assertThat(d).isBetween(expected.minusMillis(1), expected.plusMillis(1)));
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
