package org.erratum.review.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.erratum.review.queue.ItemState;
import org.erratum.review.queue.Severity;
import org.erratum.review.queue.Source;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class QueueFilterTests {

    private final Instant now = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void withoutAStateTheQueueShowsTheItemsStillNeedingWork() {
        assertThat(new QueueFilter(null, null, null, null, false).states())
                .containsExactlyInAnyOrder(ItemState.OPEN, ItemState.CLAIMED, ItemState.ESCALATED);
        assertThat(new QueueFilter(ItemState.RESOLVED, null, null, null, false).states())
                .containsExactly(ItemState.RESOLVED);
    }

    @Test
    void olderThanWantsItemsThatArrivedAtLeastThatManyDaysAgo() {
        assertThat(new QueueFilter(null, null, null, 3, false).wanted(now).arrivedBy())
                .isEqualTo(now.minus(Duration.ofDays(3)));
        assertThat(new QueueFilter(null, null, Source.REVIEW_DUE, null, false).wanted(now).arrivedBy()).isNull();
    }

    @Test
    void anotherPageKeepsTheFilter() {
        assertThat(new QueueFilter(ItemState.OPEN, Severity.HIGH, Source.REVIEW_DUE, 3, true).href(2))
                .isEqualTo("/console?state=OPEN&severity=HIGH&source=REVIEW_DUE&olderThanDays=3&breached=true&page=2");
        assertThat(new QueueFilter(null, null, null, null, false).href(3)).isEqualTo("/console?page=3");
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
