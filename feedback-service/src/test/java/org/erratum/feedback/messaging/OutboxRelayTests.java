package org.erratum.feedback.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.errors.TimeoutException;
import org.erratum.events.ErratumEvent;
import org.erratum.feedback.config.FeedbackProperties;
import org.erratum.feedback.outbox.Outbox;
import org.erratum.feedback.outbox.OutboxEntry;
import org.erratum.feedback.vote.Vote;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The relay's rules, with the outbox and the producer replaced by stand-ins: no Spring, no broker, no store. */
class OutboxRelayTests {

    private static final FeedbackProperties.Outbox SETTINGS = new FeedbackProperties.Outbox(Duration.ofSeconds(5),
            3, Duration.ofMillis(10), Duration.ofMillis(40));

    private final Outbox outbox = mock(Outbox.class);
    private final FeedbackEventProducer producer = mock(FeedbackEventProducer.class);
    private final OutboxRelay relay = new OutboxRelay(outbox, producer, SETTINGS, new SimpleMeterRegistry(),
            List.of(new OutboxRelay.Kind<>("vote", "feedback.votes", Vote.class)));

    @Test
    void onlyEntriesKafkaAcknowledgedAreMarkedPublished() throws Exception {
        Vote first = vote(0);
        Vote second = vote(1);
        Vote third = vote(2);
        when(outbox.pending(Vote.class, 3)).thenReturn(List.of(first, second, third));
        when(producer.send(eq("feedback.votes"), any())).thenReturn(acknowledged(),
                unacknowledged(), acknowledged());

        OutboxRelay.Round round = relay.relayRound();

        assertThat(round.failed()).isTrue();
        assertThat(round.acknowledged()).isEqualTo(2);
        verify(outbox).markPublished(List.of(first, third));
    }

    @Test
    void whenNoBrokerTakesARecordTheRestOfTheBatchIsNotSent() throws Exception {
        Vote first = vote(0);
        when(outbox.pending(Vote.class, 3)).thenReturn(List.of(first, vote(1), vote(2)));
        when(producer.send(eq("feedback.votes"), any())).thenReturn(acknowledged())
                .thenThrow(new TimeoutException("no metadata within max.block.ms"));

        OutboxRelay.Round round = relay.relayRound();

        assertThat(round.failed()).isTrue();
        verify(producer, times(2)).send(eq("feedback.votes"), any());
        verify(outbox).markPublished(List.of(first));
    }

    @Test
    void aFullBatchMeansMoreMayBeWaiting() throws Exception {
        when(outbox.pending(Vote.class, 3)).thenReturn(List.of(vote(0), vote(1), vote(2)));
        when(producer.send(eq("feedback.votes"), any())).thenReturn(acknowledged());

        assertThat(relay.relayRound().full()).isTrue();
    }

    @Test
    void anEmptyOutboxSendsNothing() throws Exception {
        when(outbox.pending(Vote.class, 3)).thenReturn(List.of());

        OutboxRelay.Round round = relay.relayRound();

        assertThat(round).isEqualTo(OutboxRelay.Round.EMPTY);
        verify(producer, never()).send(any(), any());
    }

    /**
     * Kafka goes away in the middle of a batch and comes back a few rounds later. Like a real broker it never keeps a
     * record after one of the same partition it lost (the idempotent producer numbers them), and it may keep one whose
     * acknowledgement was lost. The relay backs off, retries from the oldest pending entry, and in the end every entry
     * is published, each event's first arrival on Kafka in acceptance order.
     */
    @Test
    void duringAnOutageTheRelayRetriesUntilEveryEntryIsPublishedInOrder() throws Exception {
        List<Vote> accepted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accepted.add(vote(i));
        }
        Set<String> published = ConcurrentHashMap.newKeySet();
        AtomicBoolean lostOneThisRound = new AtomicBoolean();
        when(outbox.pending(eq(Vote.class), anyInt())).thenAnswer(call -> {
            lostOneThisRound.set(false);
            return accepted.stream().filter(v -> !published.contains(v.eventId()))
                    .limit(call.getArgument(1, Integer.class)).toList();
        });
        doAnswer(call -> {
            call.<Collection<? extends OutboxEntry>>getArgument(0).forEach(e -> published.add(e.eventId()));
            return null;
        }).when(outbox).markPublished(any());
        AtomicInteger sends = new AtomicInteger();
        List<String> onKafka = new CopyOnWriteArrayList<>();
        when(producer.send(eq("feedback.votes"), any())).thenAnswer(call -> {
            int send = sends.incrementAndGet();
            String eventId = call.getArgument(1, ErratumEvent.class).eventId().toString();
            if (send == 3) {
                onKafka.add(eventId); // written, but the acknowledgement never came back
            }
            boolean brokerAway = send >= 3 && send <= 8;
            if (brokerAway || lostOneThisRound.get()) {
                lostOneThisRound.set(true);
                return unacknowledged();
            }
            onKafka.add(eventId);
            return acknowledged();
        });

        relay.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> published.size() == accepted.size());
        } finally {
            relay.stop();
        }

        assertThat(sends.get()).as("sends, retries included").isGreaterThan(accepted.size());
        assertThat(onKafka.stream().distinct().toList())
                .containsExactlyElementsOf(accepted.stream().map(Vote::eventId).toList());
        assertThat(relay.isRunning()).isFalse();
    }

    private static CompletableFuture<SendResult<String, String>> acknowledged() {
        return CompletableFuture.completedFuture(null);
    }

    private static CompletableFuture<SendResult<String, String>> unacknowledged() {
        return CompletableFuture.failedFuture(new TimeoutException("no acknowledgement"));
    }

    private static Vote vote(int order) {
        String eventId = UUID.randomUUID().toString();
        return new Vote("article-1:1:" + eventId, "article-1", 1, eventId, true, null, eventId,
                Instant.parse("2026-03-01T12:00:00Z").plusMillis(order), false, List.of(), false);
    }
}
