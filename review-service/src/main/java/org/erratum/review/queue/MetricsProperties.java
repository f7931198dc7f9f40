package org.erratum.review.queue;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the review queue reports itself to Prometheus.
 *
 * @param refreshInterval how often the queue gauges ({@code erratum.review.items}, {@code erratum.review.sla.breached})
 *                        are recomputed from the database, and newly missed SLA deadlines counted
 */
@Validated
@ConfigurationProperties("erratum.review.metrics")
record MetricsProperties(@DefaultValue("15s") @NotNull Duration refreshInterval) {
}
