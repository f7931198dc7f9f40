package org.erratum.feedback.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.errors.TimeoutException;
import org.erratum.events.ReportSubmitted;
import org.erratum.feedback.config.FeedbackProperties;
import org.erratum.feedback.outbox.Outbox;
import org.erratum.feedback.outbox.OutboxEntry;
import org.erratum.feedback.report.Report;
import org.erratum.feedback.vote.Vote;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The relay's rules, with the outbox and the producer replaced by stand-ins: no Spring, no broker, no store. */
class OutboxRelayTests {

    private static final FeedbackProperties.Outbox SETTINGS = new FeedbackProperties.Outbox(Duration.ofSeconds(5),
            3, 10, Duration.ofMillis(10), Duration.ofMillis(40));

    private final Outbox outbox = mock(Outbox.class);
    private final FeedbackEventProducer producer = mock(FeedbackEventProducer.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Semaphore neverWoken = new Semaphore(0);
    private final OutboxRelay relay = new OutboxRelay(outbox, producer, SETTINGS, meters, Clock.systemUTC(),
            List.of(new OutboxRelay.Kind<>("vote", "feedback.votes", Vote.class),
                    new OutboxRelay.Kind<>("report", "feedback.reports", Report.class)));

    @BeforeEach
    void anEmptyStore() throws Exception {
        when(outbox.backlog(any())).thenReturn(new Outbox.Backlog(0, Optional.empty()));
        // like the real outbox with nothing handed over: nothing wakes the relay before the timeout or its stop
        when(outbox.awaitWork(any())).thenAnswer(call -> neverWoken.tryAcquire(
                call.<Duration>getArgument(0).toMillis(), TimeUnit.MILLISECONDS));
    }

    @Test
    void onlyEntriesKafkaAcknowledgedAreMarkedPublished() throws Exception {
        Vote first = vote(0);
        Vote second = vote(1);
        Vote third = vote(2);
        when(outbox.pending(Vote.class, 3)).thenReturn(List.of(first, second, third));
        when(producer.send(eq("feedback.votes"), any())).thenReturn(acknowledged(),
                unacknowledged(), acknowledged());

        OutboxRelay.Round round = relay.sweepRound();

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

        OutboxRelay.Round round = relay.sweepRound();

        assertThat(round.failed()).isTrue();
        verify(producer, times(2)).send(eq("feedback.votes"), any());
        verify(outbox).markPublished(List.of(first));
    }

    @Test
    void aFullBatchMeansMoreMayBeWaiting() throws Exception {
        when(outbox.pending(Vote.class, 3)).thenReturn(List.of(vote(0), vote(1), vote(2)));
        when(producer.send(eq("feedback.votes"), any())).thenReturn(acknowledged());

        assertThat(relay.sweepRound().full()).isTrue();
    }

    @Test
    void anEmptyOutboxSendsNothing() throws Exception {
        when(outbox.pending(Vote.class, 3)).thenReturn(List.of());

        OutboxRelay.Round round = relay.sweepRound();

        assertThat(round).isEqualTo(OutboxRelay.Round.EMPTY);
        verify(producer, never()).send(any(), any());
    }

    @Test
    void handedOverEntriesGoToTheirKindsTopicInOrderWithoutReadingTheStore() throws Exception {
        Vote vote = vote(0);
        Report report = report(1);
        Vote laterVote = vote(2);
        when(outbox.takeHandedOver(3)).thenReturn(List.of(vote, report, laterVote));
        when(producer.send(any(), any())).thenReturn(acknowledged());

        OutboxRelay.Round round = relay.relayHandedOver();

        assertThat(round.acknowledged()).isEqualTo(3);
        var inOrder = inOrder(producer);
        inOrder.verify(producer).send("feedback.votes", vote);
        inOrder.verify(producer).send("feedback.reports", report);
        inOrder.verify(producer).send("feedback.votes", laterVote);
        verify(outbox).markPublished(List.of(vote, laterVote));
        verify(outbox).markPublished(List.of(report));
        verify(outbox, never()).pending(any(), anyInt());
    }

    @Test
    void aSweepDropsTheHandOverAndMeasuresTheBacklog() throws Exception {
        Instant oldest = Instant.now().minusSeconds(120);
        when(outbox.pending(Vote.class, 3)).thenReturn(List.of());
        when(outbox.backlog(Vote.class)).thenReturn(new Outbox.Backlog(7, Optional.of(oldest)));

        relay.sweepRound();

        verify(outbox).forgetHandedOver();
        assertThat(meters.get("erratum.feedback.outbox.depth").tag("kind", "vote").gauge().value()).isEqualTo(7);
        assertThat(meters.get("erratum.feedback.outbox.oldest.age").tag("kind", "vote").timeGauge()
                .value(TimeUnit.SECONDS)).isBetween(119.0, 180.0);
        assertThat(meters.get("erratum.feedback.outbox.depth").tag("kind", "report").gauge().value()).isZero();
    }

    /**
     * Kafka fails the hand-over path; the relay does not carry on with what is handed over next, which could overtake
     * the failed entry, but sweeps the store from the oldest pending entry.
     */
    @Test
    void afterKafkaFailsAHandedOverEntryTheRelaySweepsFromTheOldest() throws Exception {
        Vote failing = vote(0);
        Vote next = vote(1);
        Set<String> published = ConcurrentHashMap.newKeySet();
        AtomicInteger sweeps = new AtomicInteger();
        Deque<OutboxEntry> handOver = new ConcurrentLinkedDeque<>();
        when(outbox.pending(eq(Vote.class), anyInt())).thenAnswer(call -> {
            if (sweeps.incrementAndGet() == 1) {
                handOver.add(failing); // intake accepts the first vote after the sweep at start
                return List.of();
            }
            return Stream.of(failing, next).filter(v -> !published.contains(v.eventId())).toList();
        });
        when(outbox.takeHandedOver(anyInt())).thenAnswer(call -> {
            List<OutboxEntry> taken = new ArrayList<>(handOver);
            handOver.clear();
            if (taken.contains(failing)) {
                handOver.add(next); // intake hands over the next vote while the first one is in flight
            }
            return taken;
        });
        doAnswer(call -> {
            handOver.clear();
            return null;
        }).when(outbox).forgetHandedOver();
        // the real outbox answers at once while something is handed over
        doAnswer(call -> !handOver.isEmpty() || neverWoken.tryAcquire(
                call.<Duration>getArgument(0).toMillis(), TimeUnit.MILLISECONDS)).when(outbox).awaitWork(any());
        doAnswer(call -> {
            call.<Collection<? extends OutboxEntry>>getArgument(0).forEach(e -> published.add(e.eventId()));
            return null;
        }).when(outbox).markPublished(any());
        List<String> sent = new CopyOnWriteArrayList<>();
        when(producer.send(eq("feedback.votes"), any())).thenAnswer(call -> {
            String eventId = call.getArgument(1, OutboxEntry.class).eventId();
            sent.add(eventId);
            return sent.size() == 1 ? unacknowledged() : acknowledged();
        });

        relay.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> published.size() == 2);
        } finally {
            relay.stop();
        }

        assertThat(sent).containsExactly(failing.eventId(), failing.eventId(), next.eventId());
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
            String eventId = call.getArgument(1, OutboxEntry.class).eventId();
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

    private static Report report(int order) {
        String id = UUID.randomUUID().toString();
        return new Report(id, "article-1", 1, ReportSubmitted.Category.INACCURATE, null, "Wrong dose", false, id,
                Instant.parse("2026-03-01T12:00:00Z").plusMillis(order), false, List.of(), false);
    }

    private static Vote vote(int order) {
        String eventId = UUID.randomUUID().toString();
        return new Vote("article-1:1:" + eventId, "article-1", 1, eventId, true, null, eventId,
                Instant.parse("2026-03-01T12:00:00Z").plusMillis(order), false, List.of(), false);
    }
}
