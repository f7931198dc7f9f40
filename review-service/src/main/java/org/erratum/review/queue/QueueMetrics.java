package org.erratum.review.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * What the queue's state changes tell ops: items opened, how long items wait for a first claim and for a resolution,
 * escalations, and whether fixes helped readers. The queue records a change only once its atomic write succeeded, so a lost race, a conflict or a
 * redelivered event records nothing. Every series exists from startup, so dashboards show 0 rather than no data.
 */
@Component
class QueueMetrics {

    /** Nobody reads reader reports and claims an item faster; shorter times still land in the lowest bucket. */
    private static final Duration FASTEST_EXPECTED = Duration.ofMinutes(1);

    private final Map<Source, Counter> opened = new EnumMap<>(Source.class);
    private final Map<Severity, Timer> timeToClaim = new EnumMap<>(Severity.class);
    private final Map<Severity, Map<Outcome, Timer>> timeToResolve = new EnumMap<>(Severity.class);
    private final Counter escalations;
    private final Counter fixesImproved;
    private final Counter fixesNotImproved;

    QueueMetrics(MeterRegistry registry, SlaProperties sla) {
        // every SLA target is a bucket boundary, so "share within target" is exact for each severity and step
        Duration[] targets = sla.targets().values().stream()
                .flatMap(t -> Stream.of(t.claim(), t.resolve()))
                .distinct().sorted().toArray(Duration[]::new);
        Duration longest = targets[targets.length - 1];
        for (Source source : Source.values()) {
            opened.put(source, Counter.builder("erratum.review.items.opened")
                    .description("Review items created").tag("source", source.name()).register(registry));
        }
        for (Severity severity : Severity.values()) {
            timeToClaim.put(severity, Timer.builder("erratum.review.time.to.claim")
                    .description("From an item's creation to its first claim")
                    .tag("severity", severity.name())
                    .serviceLevelObjectives(targets).minimumExpectedValue(FASTEST_EXPECTED)
                    .maximumExpectedValue(longest)
                    .register(registry));
            Map<Outcome, Timer> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, Timer.builder("erratum.review.time.to.resolve")
                        .description("From an item's creation to its resolution")
                        .tags("severity", severity.name(), "outcome", outcome.name())
                        .serviceLevelObjectives(targets).minimumExpectedValue(FASTEST_EXPECTED)
                        .maximumExpectedValue(longest)
                        .register(registry));
            }
            timeToResolve.put(severity, byOutcome);
        }
        escalations = Counter.builder("erratum.review.escalations")
                .description("Items escalated to a senior reviewer").register(registry);
        fixesImproved = fixVerifications(registry, "improved");
        fixesNotImproved = fixVerifications(registry, "not_improved");
    }

    private static Counter fixVerifications(MeterRegistry registry, String outcome) {
        return Counter.builder("erratum.review.fix.verifications")
                .description("Fixes of REVISED items measured against the revision readers saw")
                .tag("outcome", outcome).register(registry);
    }

    void opened(Source source) {
        opened.get(source).increment();
    }

    /** @param item the item as its first claim left it */
    void firstClaimed(ReviewItem item) {
        record(timeToClaim.get(item.severity()), item.createdAt(), item.claimedAt());
    }

    /** @param item the item as its resolution left it */
    void resolved(ReviewItem item) {
        record(timeToResolve.get(item.severity()).get(item.resolution().outcome()), item.createdAt(),
                item.resolution().at());
    }

    void escalated() {
        escalations.increment();
    }

    /** @param item the item as its verification's decision left it */
    void fixVerified(ReviewItem item) {
        (item.verification().status() == ReviewItem.Verification.Status.VERIFIED ? fixesImproved : fixesNotImproved)
                .increment();
    }

    private static void record(Timer timer, Instant from, Instant to) {
        if (from != null && to != null) {
            timer.record(Duration.between(from, to));
        }
    }
}
