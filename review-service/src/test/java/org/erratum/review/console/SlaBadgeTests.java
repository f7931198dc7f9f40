package org.erratum.review.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.erratum.review.queue.ItemState;
import org.erratum.review.queue.Source;
import org.junit.jupiter.api.Test;

class SlaBadgeTests {

    private final Instant now = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void aWaitingItemShowsBothDeadlines() {
        var badges = SlaBadge.of(Items.waiting(now.plus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))), now);

        assertThat(badges).extracting(SlaBadge::label).containsExactly("Claim due", "Resolve due");
        assertThat(SlaBadge.anyBreached(badges)).isFalse();
        assertThat(badges.get(0).due().text()).isEqualTo("1 Mar 2026, 10:00 UTC");
    }

    @Test
    void aPassedDeadlineIsBreached() {
        var badges = SlaBadge.of(Items.waiting(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(1))), now);

        assertThat(badges).extracting(SlaBadge::label).containsExactly("Claim breached", "Resolve due");
        assertThat(SlaBadge.anyBreached(badges)).isTrue();
    }

    @Test
    void aClaimedItemOnlyHasToBeResolvedAndAResolvedOneNothing() {
        var claimed = Items.item(ItemState.CLAIMED, "reviewer", now.plusSeconds(60), false, now.minusSeconds(60),
                now.minusSeconds(1), Set.of(Source.READER_REPORT), now.minus(Duration.ofDays(2)));
        var resolved = Items.item(ItemState.RESOLVED, null, null, false, now.minusSeconds(60), now.minusSeconds(1),
                Set.of(Source.READER_REPORT), now.minus(Duration.ofDays(2)));

        assertThat(SlaBadge.of(claimed, now)).extracting(SlaBadge::label).containsExactly("Resolve breached");
        assertThat(SlaBadge.of(resolved, now)).isEmpty();
    }

    @Test
    void anItemWithoutDeadlinesHasNoBadges() {
        assertThat(SlaBadge.of(Items.waiting(null, null), now)).isEmpty();
    }
}
