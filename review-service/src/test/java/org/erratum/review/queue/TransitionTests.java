package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;

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
}
