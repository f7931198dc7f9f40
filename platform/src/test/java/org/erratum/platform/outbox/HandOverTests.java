package org.erratum.platform.outbox;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HandOverTests {

    @Test
    void handedOverEntriesWakeTheRelayAndComeOutInOrder() throws Exception {
        HandOver<String> handOver = new HandOver<>(2);
        handOver.add("first");
        handOver.add("second");

        assertThat(handOver.awaitWork(Duration.ZERO)).isTrue();
        assertThat(handOver.take(10)).containsExactly("first", "second");
        assertThat(handOver.takeSweepRequest()).isFalse();
        assertThat(handOver.awaitWork(Duration.ofMillis(1))).isFalse();
    }

    @Test
    void beyondItsCapacityAnEntryWaitsForASweep() {
        HandOver<String> handOver = new HandOver<>(2);
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
        HandOver<String> handOver = new HandOver<>(0);
        handOver.add("first");

        assertThat(handOver.take(10)).isEmpty();
        assertThat(handOver.awaitWork(Duration.ZERO)).isTrue();
        assertThat(handOver.takeSweepRequest()).isTrue();
    }
}
