package org.erratum.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import org.erratum.platform.outbox.OutboxStore.Backlog;

/** The same four series for every outbox, tagged with its name: {@code erratum.outbox.*{outbox}}. */
final class OutboxMetrics {

    static final String TAG = "outbox";

    private final Counter published;
    private final Counter failures;
    private final AtomicReference<Backlog> backlog = new AtomicReference<>(Backlog.NONE);

    OutboxMetrics(String outbox, MeterRegistry meters, Clock clock) {
        published = Counter.builder("erratum.outbox.published")
                .description("Events Kafka acknowledged from the outbox, sent at once or by its relay")
                .tag(TAG, outbox).register(meters);
        failures = Counter.builder("erratum.outbox.relay.failures")
                .description("Outbox relay rounds that Kafka or the database did not complete")
                .tag(TAG, outbox).register(meters);
        Gauge.builder("erratum.outbox.depth", backlog, last -> last.get().depth())
                .description("Outbox entries not yet acknowledged by Kafka, as of the last sweep")
                .tag(TAG, outbox).register(meters);
        TimeGauge.builder("erratum.outbox.oldest.age", backlog, TimeUnit.SECONDS, last -> last.get().oldest()
                        .map(oldest -> Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0))
                        .orElse(0.0))
                .description("Age of the oldest outbox entry not yet acknowledged by Kafka, as of the last sweep")
                .tag(TAG, outbox).register(meters);
    }

    void published(int count) {
        published.increment(count);
    }

    void failed() {
        failures.increment();
    }

    void measured(Backlog last) {
        backlog.set(last);
    }
}
