package org.erratum.review.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.erratum.events.ReportSubmitted.Category;
import org.erratum.review.queue.ItemState;
import org.erratum.review.queue.ReviewItem;
import org.erratum.review.queue.Source;
import org.erratum.review.queue.Staff;
import org.junit.jupiter.api.Test;

class ActionsTests {

    private final Instant now = Instant.parse("2026-03-01T09:00:00Z");
    private final Staff reviewer = new Staff("reviewer", false);
    private final Staff senior = new Staff("senior", true);

    private ReviewItem item(ItemState state, String claimedBy, Instant leaseExpiresAt, boolean escalated) {
        return Items.item(state, claimedBy, leaseExpiresAt, escalated, null, null, Set.of(Source.READER_REPORT), now);
    }

    @Test
    void aWaitingItemCanBeClaimedAndNoted() {
        Actions actions = Actions.of(item(ItemState.OPEN, null, null, false), reviewer, now);

        assertThat(actions.claim()).isTrue();
        assertThat(actions.holding()).isFalse();
        assertThat(actions.note()).isTrue();
        assertThat(actions.signOff()).isFalse();
    }

    @Test
    void theHolderMayRenewReleaseEscalateAndResolve() {
        Actions actions = Actions.of(item(ItemState.CLAIMED, "reviewer", now.plusSeconds(60), false), reviewer, now);

        assertThat(actions.claim()).isFalse();
        assertThat(actions.renew()).isTrue();
        assertThat(actions.holding()).isTrue();
    }

    @Test
    void someoneElsesItemCanBeTakenOnlyOnceTheirLeaseRanOut() {
        assertThat(Actions.of(item(ItemState.CLAIMED, "senior", now.plusSeconds(60), false), reviewer, now).claim())
                .isFalse();
        assertThat(Actions.of(item(ItemState.CLAIMED, "senior", now.minusSeconds(1), false), reviewer, now).claim())
                .isTrue();
    }

    @Test
    void anEscalatedItemIsMarkedSeniorOnlyForReviewersAndSeniorsMaySignOff() {
        ReviewItem escalated = item(ItemState.ESCALATED, null, null, true);

        assertThat(Actions.of(escalated, reviewer, now).seniorOnly()).isTrue();
        assertThat(Actions.of(escalated, senior, now).seniorOnly()).isFalse();
        assertThat(Actions.of(escalated, senior, now).signOff()).isTrue();
    }

    @Test
    void aResolvedItemOffersNoWork() {
        Actions actions = Actions.of(item(ItemState.RESOLVED, null, null, true), senior, now);

        assertThat(actions.claim()).isFalse();
        assertThat(actions.note()).isFalse();
        assertThat(actions.seniorOnly()).isFalse();
    }

    @Test
    void onlyASeniorReviewerIsOfferedASafetyNoticeAndOnlyOnAnActiveSafetyConcern() {
        ReviewItem safety = Items.reported(ItemState.CLAIMED, Category.SAFETY_CONCERN);

        assertThat(Actions.of(safety, senior, now).safetyNotice()).isTrue();
        assertThat(Actions.of(safety, reviewer, now).safetyNotice()).isFalse();
        assertThat(Actions.of(Items.reported(ItemState.OPEN, Category.INACCURATE), senior, now).safetyNotice())
                .isFalse();
        assertThat(Actions.of(Items.reported(ItemState.RESOLVED, Category.SAFETY_CONCERN), senior, now)
                .safetyNotice()).isFalse();
    }

    @Test
    void anActiveItemsArticleMayBeCorrectedAResolvedOnesNot() {
        assertThat(Actions.of(item(ItemState.OPEN, null, null, false), reviewer, now).correct()).isTrue();
        assertThat(Actions.of(item(ItemState.RESOLVED, null, null, false), reviewer, now).correct()).isFalse();
    }
}
