package org.erratum.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HandOverTests {

    @Test
    void handedOverEntriesWakeTheRelayAndComeOutInOrder() throws Exception {
        HandOver<String> handOver = handOver(2);
        handOver.add("first");
        handOver.add("second");

        assertThat(handOver.awaitWork(Duration.ZERO)).isTrue();
        assertThat(handOver.take(10)).containsExactly("first", "second");
        assertThat(handOver.takeSweepRequest()).isFalse();
        assertThat(handOver.awaitWork(Duration.ofMillis(1))).isFalse();
    }

    @Test
    void beyondItsCapacityAnEntryWaitsForASweep() {
        HandOver<String> handOver = handOver(2);
        handOver.add("first");
        handOver.add("second");
        handOver.add("third"); // over the capacity of 2: stays in the store only

        assertThat(handOver.takeSweepRequest()).isTrue();
        assertThat(handOver.takeSweepRequest()).as("a request is taken once").isFalse();
        assertThat(handOver.take(1)).containsExactly("first");
        handOver.forget();
        assertThat(handOver.take(10)).isEmpty();
    }

    @Test
    void withoutAHandOverEveryEntryAsksForASweep() throws Exception {
        HandOver<String> handOver = handOver(0);
        handOver.add("first");

        assertThat(handOver.take(10)).isEmpty();
        assertThat(handOver.awaitWork(Duration.ZERO)).isTrue();
        assertThat(handOver.takeSweepRequest()).isTrue();
    }

    @Test
    void anEntryKafkaAcknowledgedIsNotTakenAgainWhenALaterWriteHandsItOverAgain() {
        HandOver<String> handOver = handOver(4);
        handOver.add("item@1");
        handOver.published(handOver.take(10));
        // the item written again before its first event was marked published: both of its pending events
        handOver.add("item@1");
        handOver.add("item@2");

        assertThat(handOver.take(10)).containsExactly("item@2");
    }

    @Test
    void anEntryHandedOverTwiceBeforeItIsSentIsTakenOnce() {
        HandOver<String> handOver = handOver(4);
        handOver.add("item@1"); // a second writer handed over the item's earlier event before the first writer did
        handOver.add("item@2");
        handOver.add("item@1");

        assertThat(handOver.take(10)).containsExactly("item@1", "item@2");
    }

    @Test
    void itRemembersAsManyAcknowledgedEventsAsItHoldsEntries() {
        HandOver<String> handOver = handOver(2);
        handOver.published(List.of("a", "b", "c"));
        handOver.add("a");
        handOver.add("c");

        assertThat(handOver.take(10)).as("the oldest acknowledgement is forgotten").containsExactly("a");
    }

    /** Entries that are their own event's name. */
    private static HandOver<String> handOver(int capacity) {
        return new HandOver<>(capacity, entry -> UUID.nameUUIDFromBytes(entry.getBytes(StandardCharsets.UTF_8)));
    }
}
