package org.erratum.review.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.erratum.review.queue.ItemState;
import org.erratum.review.queue.Source;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class QueueFilterTests {

    private final Instant now = Instant.parse("2026-03-01T09:00:00Z");

    private org.erratum.review.queue.ReviewItem arrived(Duration ago, Source... sources) {
        return Items.item(ItemState.OPEN, null, null, false, null, null, Set.of(sources), now.minus(ago));
    }

    @Test
    void withoutAStateTheQueueShowsTheItemsStillNeedingWork() {
        assertThat(new QueueFilter(null, null, null, null, false).states())
                .containsExactlyInAnyOrder(ItemState.OPEN, ItemState.CLAIMED, ItemState.ESCALATED);
        assertThat(new QueueFilter(ItemState.RESOLVED, null, null, null, false).states())
                .containsExactly(ItemState.RESOLVED);
    }

    @Test
    void sourceKeepsItemsThatGatheredIt() {
        var filter = new QueueFilter(null, null, Source.REVIEW_DUE, null, false);

        assertThat(filter.matches(arrived(Duration.ZERO, Source.READER_REPORT, Source.REVIEW_DUE), now)).isTrue();
        assertThat(filter.matches(arrived(Duration.ZERO, Source.READER_REPORT), now)).isFalse();
    }

    @Test
    void olderThanKeepsItemsThatWaitedAtLeastThatManyDays() {
        var filter = new QueueFilter(null, null, null, 3, false);

        assertThat(filter.matches(arrived(Duration.ofDays(3), Source.READER_REPORT), now)).isTrue();
        assertThat(filter.matches(arrived(Duration.ofDays(3).minusMinutes(1), Source.READER_REPORT), now)).isFalse();
    }

    @Test
    void anAgeBelowOneDayIsRejectedNamingTheField() {
        assertThatThrownBy(() -> new QueueFilter(null, null, null, 0, false))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getDetail()).startsWith("olderThanDays:");
                });
    }

    @Test
    void anEmptyFilterIsNotNarrowed() {
        assertThat(new QueueFilter(null, null, null, null, false).narrowed()).isFalse();
        assertThat(new QueueFilter(null, null, null, null, true).narrowed()).isTrue();
    }
}
