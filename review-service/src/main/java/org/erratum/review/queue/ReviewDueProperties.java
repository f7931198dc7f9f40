package org.erratum.review.queue;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When articles whose clinical review falls due are queued ({@code erratum.review.due.*}).
 *
 * @param leadTime     an article is queued once its review is due within this time
 * @param initialDelay the first check runs this long after the service started
 * @param interval     how often the check runs again
 */
@Validated
@ConfigurationProperties("erratum.review.due")
record ReviewDueProperties(
        @DefaultValue("30d") @NotNull Duration leadTime,
        @DefaultValue("1m") @NotNull Duration initialDelay,
        @DefaultValue("1h") @NotNull Duration interval) {
}
