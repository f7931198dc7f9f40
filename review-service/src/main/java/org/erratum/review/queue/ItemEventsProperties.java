package org.erratum.review.queue;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How review items are announced on {@code review.items}.
 *
 * @param passages      how many of an item's newest quoted passages each event carries (the editor shows them)
 * @param relayInterval how often events that Kafka has not acknowledged are published again
 * @param relayGrace    the relay leaves an event this long to the request that stored it, which publishes it at once
 * @param relayBatch    the most items one relay run publishes the events of
 */
@Validated
@ConfigurationProperties("erratum.review.items")
public record ItemEventsProperties(
        @DefaultValue("5") @Positive @Max(MAX_PASSAGES) int passages,
        @DefaultValue("10s") @NotNull Duration relayInterval,
        @DefaultValue("10s") @NotNull Duration relayGrace,
        @DefaultValue("100") @Positive int relayBatch) {

    /** Each passage is at most 500 characters: fifty keep an event far below Kafka's record limit. */
    static final int MAX_PASSAGES = 50;
}
