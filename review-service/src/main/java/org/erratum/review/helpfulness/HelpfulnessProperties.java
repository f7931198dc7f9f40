package org.erratum.review.helpfulness;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When low helpfulness puts an article in the review queue. The score itself, and its prior, are the platform's
 * {@code erratum.helpfulness.*} ({@link org.erratum.platform.helpfulness.SmoothedHelpfulness}), shared with the
 * feedback service's readouts.
 *
 * @param threshold   a current revision whose smoothed score falls below this is queued
 * @param minVotes    ...but only once it has at least this many votes; until the whole site has this many, the
 *                    prior ratio stands in for the site-wide helpful rate
 * @param trendWeeks  how many weeks, the current one included, an item page's helpfulness trend shows
 */
@Validated
@ConfigurationProperties("erratum.review.helpfulness")
public record HelpfulnessProperties(
        @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0") double threshold,
        @DefaultValue("20") @Positive int minVotes,
        @DefaultValue("8") @Positive int trendWeeks) {
}
