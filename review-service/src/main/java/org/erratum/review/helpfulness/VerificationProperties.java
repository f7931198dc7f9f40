package org.erratum.review.helpfulness;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When the fix of an item resolved as revised is judged by readers.
 *
 * @param minVotes the fixed revision is compared once it has this many votes (each reader's latest counts once)
 * @param margin   its smoothed score must be more than this above the one readers saw to count as improved; 0: any
 *                 rise at all
 */
@Validated
@ConfigurationProperties("erratum.review.verification")
public record VerificationProperties(
        @DefaultValue("30") @Positive int minVotes,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double margin) {
}
