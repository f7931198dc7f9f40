package org.erratum.review.queue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How review items are announced on {@code review.items}.
 *
 * @param passages how many of an item's newest quoted passages each event carries (the editor shows them); the
 *                 outbox that publishes them is set as {@code erratum.outbox.review-items.*}
 */
@Validated
@ConfigurationProperties("erratum.review.items")
public record ItemEventsProperties(
        @DefaultValue("5") @Positive @Max(MAX_PASSAGES) int passages) {

    /** Each passage is at most 500 characters: fifty keep an event far below Kafka's record limit. */
    static final int MAX_PASSAGES = 50;
}
