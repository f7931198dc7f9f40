package org.erratum.review.signoff;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The relay of sign-offs Kafka did not acknowledge ({@code erratum.review.sign-off.*}).
 *
 * @param relayInterval how often stored but unpublished sign-offs are published again
 * @param relayGrace    the relay leaves a sign-off this long to the request that stored it, which publishes it at once
 */
@Validated
@ConfigurationProperties("erratum.review.sign-off")
record SignOffProperties(
        @DefaultValue("10s") @NotNull Duration relayInterval,
        @DefaultValue("10s") @NotNull Duration relayGrace) {
}
