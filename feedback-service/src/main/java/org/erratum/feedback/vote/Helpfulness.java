package org.erratum.feedback.vote;

import org.erratum.platform.helpfulness.SmoothedHelpfulness;
import java.util.Map;

import org.erratum.events.VoteCast.NotHelpfulReason;

/**
 * The helpfulness tally of one article revision.
 *
 * @param ratio   yes / (yes + no), null while there are no votes
 * @param reasons how often each reason was given with a "no", every reason present
 * @param score   the {@link SmoothedHelpfulness smoothed} ratio, fair to revisions with few votes
 */
public record Helpfulness(String articleId, int revision, long yes, long no, Double ratio,
        Map<NotHelpfulReason, Long> reasons, double score) {
}
