package org.erratum.feedback.outbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.erratum.feedback.config.FeedbackProperties;
import org.erratum.feedback.vote.Vote;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory hand-over from intake to the relay; the store is not involved, so none is given. */
class OutboxHandOverTests {

    private final Outbox outbox = new Outbox(null, Clock.systemUTC(), new FeedbackProperties("secret",
            URI.create("http://localhost:8081"), Duration.ofDays(90), Duration.ofHours(1),
            new FeedbackProperties.ReaderCookie(false, Duration.ofDays(365)),
            new FeedbackProperties.Outbox(Duration.ofSeconds(30), 100, 2, Duration.ofMillis(500),
                    Duration.ofSeconds(10)),
            List.of("http://localhost:8081")));

    @Test
    void handedOverEntriesReachTheRelayInOrderAndWakeIt() throws Exception {
        Vote first = vote();
        Vote second = vote();

        outbox.accepted(first);
        outbox.accepted(second);

        assertThat(outbox.awaitWork(Duration.ZERO)).isTrue();
        assertThat(outbox.takeHandedOver(10)).containsExactly(first, second);
        assertThat(outbox.takeSweepRequest()).isFalse();
        assertThat(outbox.awaitWork(Duration.ofMillis(1))).isFalse();
    }

    @Test
    void whatDoesNotFitIsLeftToASweep() throws Exception {
        Vote first = vote();
        Vote second = vote();

        outbox.accepted(first);
        outbox.accepted(second);
        outbox.accepted(vote()); // over the capacity of 2: stays in the store only

        assertThat(outbox.takeSweepRequest()).isTrue();
        assertThat(outbox.takeSweepRequest()).as("a request is taken once").isFalse();
        assertThat(outbox.takeHandedOver(1)).containsExactly(first);
        outbox.forgetHandedOver();
        assertThat(outbox.takeHandedOver(10)).isEmpty();
    }

    private static Vote vote() {
        String eventId = UUID.randomUUID().toString();
        return new Vote("article-1:1:" + eventId, "article-1", 1, eventId, true, null, eventId, Instant.now(), false,
                List.of(), false);
    }
}
