package org.erratum.platform.helpfulness;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * A helpfulness score that is fair to revisions with few votes (a Bayesian average): the score starts at the prior
 * ratio and moves toward the revision's own ratio as votes arrive, so one early "no" does not rank a revision
 * below one with a hundred votes at 90 %. The feedback service shows it; the review service queues a revision whose
 * score falls too low. Both read the same settings, {@code erratum.helpfulness.*}, so editors and reviewers see
 * one score.
 *
 * @param priorWeight how many imaginary votes the prior is worth; higher trusts few real votes less
 * @param priorRatio  the helpful ratio assumed before any vote (the review service uses the site-wide rate once
 *                    the site has enough votes, see {@link #withPriorRatio})
 */
@Validated
@ConfigurationProperties("erratum.helpfulness")
public record SmoothedHelpfulness(
        @DefaultValue("10") @Positive double priorWeight,
        @DefaultValue("0.75") @DecimalMin("0.0") @DecimalMax("1.0") double priorRatio) {

    /** Also checked here, not only when bound: the review service makes one from a measured rate. */
    public SmoothedHelpfulness {
        if (priorWeight <= 0 || priorRatio < 0 || priorRatio > 1) {
            throw new IllegalArgumentException("Needs a positive weight and a ratio between 0 and 1, got weight "
                    + priorWeight + " and ratio " + priorRatio);
        }
    }

    /** The same weight with another prior, e.g. the site-wide helpful rate. */
    public SmoothedHelpfulness withPriorRatio(double ratio) {
        return new SmoothedHelpfulness(priorWeight, ratio);
    }

    public double score(long yes, long no) {
        return (yes + priorWeight * priorRatio) / (yes + no + priorWeight);
    }

    /** The plain share of helpful votes, or null while there are none. */
    public static Double ratio(long yes, long no) {
        long total = yes + no;
        return total == 0 ? null : (double) yes / total;
    }
}
