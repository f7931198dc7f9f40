package org.erratum.content.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the content service.
 *
 * @param reviewIntervalMonths  months from a clinical sign-off (or first publication) to the next review due, for
 *                              articles created without their own interval: {@code erratum.content.review-interval-months=24}
 * @param feedbackBaseUrl       where the feedback forms on the article page post to (the feedback service):
 *                              {@code erratum.content.feedback-base-url=http://localhost:8082}
 * @param announceRelayInterval how often changes that were saved but not yet acknowledged by Kafka are published
 *                              again: {@code erratum.content.announce-relay-interval=5s}
 * @param announceRelayBatch    the most pending articles one relay run publishes
 */
@Validated
@ConfigurationProperties("erratum.content")
public record ContentProperties(
        @DefaultValue("24") @Positive @Max(MAX_REVIEW_INTERVAL_MONTHS) int reviewIntervalMonths,
        @DefaultValue("http://localhost:8082") @NotNull URI feedbackBaseUrl,
        @DefaultValue("5s") @NotNull Duration announceRelayInterval,
        @DefaultValue("100") @Positive int announceRelayBatch) {

    /** Ten years: a longer interval would be a typo rather than an editorial decision. */
    public static final int MAX_REVIEW_INTERVAL_MONTHS = 120;

    /** The feedback form action for {@code path}, e.g. {@code /feedback/votes}. */
    public String feedbackUrl(String path) {
        String base = feedbackBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
