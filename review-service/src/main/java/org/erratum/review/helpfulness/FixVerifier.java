package org.erratum.review.helpfulness;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.erratum.platform.helpfulness.SmoothedHelpfulness;
import org.erratum.review.helpfulness.RevisionHelpfulness.Revision;
import org.erratum.review.helpfulness.RevisionHelpfulness.Votes;
import org.erratum.review.queue.ReviewItem;
import org.erratum.review.queue.ReviewItem.RevisionScore;
import org.erratum.review.queue.Resolutions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Verifies each fix: once the revision an item was resolved as revised by has enough votes, its smoothed
 * helpfulness is compared with the revision readers saw, and the queue records the verdict (reopening the item when
 * it did not improve). Only votes on a revision that a pending fix waits for reach here, found by key with the
 * other revisions of their poll.
 */
@Component
class FixVerifier {

    private static final Logger log = LoggerFactory.getLogger(FixVerifier.class);

    private final Resolutions queue;
    private final RevisionHelpfulness helpfulness;
    private final VerificationProperties properties;

    FixVerifier(Resolutions queue, RevisionHelpfulness helpfulness, VerificationProperties properties) {
        this.queue = queue;
        this.helpfulness = helpfulness;
        this.properties = properties;
    }

    /** The items whose fix the votes on these revisions verify, by the revision they wait for. */
    Map<Revision, List<ReviewItem>> awaiting(Map<String, ? extends Collection<Integer>> revisionsByArticle) {
        return queue.fixesAwaitingVerification(revisionsByArticle).stream().collect(Collectors.groupingBy(
                item -> new Revision(item.articleId(), item.verification().revision())));
    }

    /**
     * @param pending   the items {@link #awaiting} found for the revision
     * @param votes     the votes on that revision now
     * @param smoothing how revisions are scored now
     */
    void verify(List<ReviewItem> pending, int revision, Votes votes, SmoothedHelpfulness smoothing) {
        if (pending.isEmpty() || votes.total() < properties.minVotes()) {
            return;
        }
        RevisionScore fixed = new RevisionScore(revision, votes.total(), smoothing.score(votes.yes(), votes.no()));
        for (ReviewItem item : pending) {
            int readersSaw = item.verification().readersSaw();
            Votes before = helpfulness.of(item.articleId(), readersSaw);
            queue.concludeFixVerification(item.id(), fixed,
                    new RevisionScore(readersSaw, before.total(), smoothing.score(before.yes(), before.no())),
                    properties.margin()).ifPresent(decided -> log.info("Review item {} for article {}: fix {}",
                            decided.id(), decided.articleId(), decided.verification().status()));
        }
    }
}
