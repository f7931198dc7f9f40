package org.erratum.platform.helpfulness;

/**
 * A helpfulness score that is fair to revisions with few votes (a Bayesian average): the score starts at the prior
 * ratio and moves toward the revision's own ratio as votes arrive, so one early "no" does not rank a revision
 * below one with a hundred votes at 90 %. The feedback service shows it; the review service queues a revision whose
 * score falls too low.
 *
 * @param priorWeight how many imaginary votes the prior is worth; higher trusts few real votes less
 * @param priorRatio  the helpful ratio assumed before any vote
 */
public record SmoothedHelpfulness(double priorWeight, double priorRatio) {

    public SmoothedHelpfulness {
        if (priorWeight <= 0 || priorRatio < 0 || priorRatio > 1) {
            throw new IllegalArgumentException("Needs a positive weight and a ratio between 0 and 1, got weight "
                    + priorWeight + " and ratio " + priorRatio);
        }
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
