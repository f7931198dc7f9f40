package org.erratum.review.helpfulness;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When low helpfulness puts an article in the review queue.
 *
 * @param threshold   a current revision whose smoothed score falls below this is queued
 * @param minVotes    ...but only once it has at least this many votes
 * @param priorWeight imaginary votes at the site-wide helpful rate that every revision starts with
 * @param priorRatio  the rate assumed while the whole site has fewer than {@code minVotes} votes
 * @param trendWeeks  how many weeks, the current one included, an item page's helpfulness trend shows
 */
@ConfigurationProperties("erratum.review.helpfulness")
public record HelpfulnessProperties(
        @DefaultValue("0.5") double threshold,
        @DefaultValue("20") int minVotes,
        @DefaultValue("10") double priorWeight,
        @DefaultValue("0.75") double priorRatio,
        @DefaultValue("8") int trendWeeks) {
}
