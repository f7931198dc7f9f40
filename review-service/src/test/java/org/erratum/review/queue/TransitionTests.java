package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.erratum.review.queue.QueueRefusal.NotAllowed;
import org.junit.jupiter.api.Test;

/** The item state machine: OPEN → CLAIMED → RESOLVED, back to OPEN on release, ESCALATED for seniors. */
class TransitionTests {

    @Test
    void onlyWaitingItemsCanBeClaimed() {
        assertThat(Transition.CLAIM.allowedFrom(ItemState.OPEN)).isTrue();
        assertThat(Transition.CLAIM.allowedFrom(ItemState.ESCALATED)).isTrue();
        assertThat(Transition.CLAIM.allowedFrom(ItemState.RESOLVED)).isFalse();
    }

    @Test
    void onlyAClaimedItemCanBeReleasedEscalatedOrResolved() {
        for (Transition t : new Transition[] {Transition.RELEASE, Transition.ESCALATE, Transition.RESOLVE}) {
            assertThat(t.allowedFrom(ItemState.CLAIMED)).as(t.name()).isTrue();
            assertThat(t.allowedFrom(ItemState.OPEN)).as(t.name()).isFalse();
            assertThat(t.allowedFrom(ItemState.ESCALATED)).as(t.name()).isFalse();
            assertThat(t.allowedFrom(ItemState.RESOLVED)).as(t.name()).isFalse();
        }
    }

    @Test
    void notesCanBeAddedUntilTheItemIsResolved() {
        assertThat(Transition.NOTE.from()).containsExactlyInAnyOrder(ItemState.OPEN, ItemState.CLAIMED,
                ItemState.ESCALATED);
    }

    @Test
    void onlyAResolvedItemCanReopen() {
        assertThat(Transition.REOPEN.from()).containsExactly(ItemState.RESOLVED);
    }

    @Test
    void aReleasedOrExpiredItemGoesBackWhereItCameFrom() {
        assertThat(Transition.afterLetGo(false)).isEqualTo(ItemState.OPEN);
        assertThat(Transition.afterLetGo(true)).isEqualTo(ItemState.ESCALATED);
    }

    private static final Staff REVIEWER = new Staff("reviewer", false);
    private static final Staff OTHER = new Staff("other", false);
    private static final Staff SENIOR = new Staff("senior", true);
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void spamIsMarkedStraightFromTheQueueOrByTheHolderOnly() {
        assertThat(Transition.MARK_AS_SPAM.allows(item(ItemState.OPEN, null, false), REVIEWER)).isTrue();
        assertThat(Transition.MARK_AS_SPAM.allows(item(ItemState.CLAIMED, "reviewer", false), REVIEWER)).isTrue();
        assertThat(Transition.MARK_AS_SPAM.allows(item(ItemState.CLAIMED, "other", false), REVIEWER)).isFalse();
        assertThat(Transition.MARK_AS_SPAM.allows(item(ItemState.RESOLVED, null, false), REVIEWER)).isFalse();
    }

    @Test
    void anEscalatedItemIsClaimedResolvedOrMarkedAsSpamBySeniorReviewersOnly() {
        ReviewItem escalated = item(ItemState.ESCALATED, null, true);

        assertThat(escalated.claimableBy(REVIEWER, NOW)).isFalse();
        assertThat(escalated.claimableBy(SENIOR, NOW)).isTrue();
        assertThat(Transition.MARK_AS_SPAM.allows(escalated, REVIEWER)).isFalse();
        assertThat(Transition.MARK_AS_SPAM.allows(escalated, SENIOR)).isTrue();
        assertThatThrownBy(() -> Transition.RESOLVE.require(item(ItemState.CLAIMED, "reviewer", true), REVIEWER))
                .isInstanceOf(NotAllowed.class)
                .hasMessage("Item item-1 is escalated: only a senior reviewer may resolve it");
        Transition.NOTE.require(escalated, REVIEWER);
    }

    @Test
    void aRefusalSaysWhetherTheStateOrTheHolderStoodInTheWay() {
        assertThatThrownBy(() -> Transition.RELEASE.require(item(ItemState.OPEN, null, false), REVIEWER))
                .isInstanceOf(NotAllowed.class).hasMessage("Cannot release item item-1 while it is OPEN");
        assertThatThrownBy(() -> Transition.RESOLVE.require(item(ItemState.CLAIMED, "other", false), REVIEWER))
                .isInstanceOf(NotAllowed.class).hasMessage("Item item-1 is held by other, not by you");
        Transition.RESOLVE.require(item(ItemState.CLAIMED, "other", false), OTHER);
    }

    @Test
    void anItemWhoseLeaseRanOutIsClaimableByAnyoneItsHolderRenewsAnytime() {
        ReviewItem held = new ReviewItem("item-1", "article-1", "article-1", ItemState.CLAIMED, Set.of(),
                Severity.NORMAL, 100, false, 1, Map.of(), List.of(), "reviewer", NOW.minusSeconds(60),
                NOW.plusSeconds(60), null, null, null, null, List.of(), NOW, NOW, null, 1L, 1, null, null, List.of(),
                List.of(), Set.of(), 0, null, null, null);

        assertThat(held.claimableBy(OTHER, NOW)).isFalse();
        assertThat(held.claimableBy(REVIEWER, NOW)).isTrue();
        assertThat(held.claimableBy(OTHER, NOW.plusSeconds(61))).isTrue();
    }

    private static ReviewItem item(ItemState state, String claimedBy, boolean escalated) {
        return new ReviewItem("item-1", "article-1", "article-1", state, Set.of(), Severity.NORMAL, 100, escalated,
                1, Map.of(), List.of(), claimedBy, null, claimedBy == null ? null : NOW.plusSeconds(60), null, null,
                null, null, List.of(), NOW, NOW, null, 1L, 1, null, null, List.of(), List.of(), Set.of(), 0, null, null, null);
    }
}
