package org.erratum.review.queue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the review queue reports itself to Prometheus.
 *
 * @param refreshInterval how often the queue gauges ({@code erratum.review.items}, {@code erratum.review.sla.breached})
 *                        are recomputed from the database, and newly missed SLA deadlines counted
 */
@ConfigurationProperties("erratum.review.metrics")
record MetricsProperties(@DefaultValue("15s") Duration refreshInterval) {
}
