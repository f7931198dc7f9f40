package org.erratum.review.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How quickly each severity must be claimed and resolved. Defaults: URGENT 1 h / 1 day, HIGH 8 h / 3 days,
 * NORMAL 2 days / 14 days, LOW 7 days / 30 days; override per severity, e.g.
 * {@code erratum.review.sla.targets.URGENT.claim=30m}.
 */
@Validated
@ConfigurationProperties("erratum.review.sla")
public record SlaProperties(Map<Severity, @Valid Targets> targets) {

    public SlaProperties {
        Map<Severity, Targets> all = new EnumMap<>(Map.of(
                Severity.URGENT, new Targets(Duration.ofHours(1), Duration.ofDays(1)),
                Severity.HIGH, new Targets(Duration.ofHours(8), Duration.ofDays(3)),
                Severity.NORMAL, new Targets(Duration.ofDays(2), Duration.ofDays(14)),
                Severity.LOW, new Targets(Duration.ofDays(7), Duration.ofDays(30))));
        if (targets != null) {
            all.putAll(targets);
        }
        targets = Map.copyOf(all);
    }

    /** @param claim time from the item's arrival (or its last rise in severity) to a claim; resolve likewise */
    public record Targets(@NotNull Duration claim, @NotNull Duration resolve) {
    }

    /**
     * When an item at this severity must be claimed: counted from now, but never later than a deadline it already
     * had, so a rise in severity tightens the clock and nothing loosens it.
     */
    Instant claimDue(Severity severity, Instant now, Instant current) {
        return earliest(now.plus(targets.get(severity).claim()), current);
    }

    Instant resolveDue(Severity severity, Instant now, Instant current) {
        return earliest(now.plus(targets.get(severity).resolve()), current);
    }

    private static Instant earliest(Instant candidate, Instant current) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }
}
