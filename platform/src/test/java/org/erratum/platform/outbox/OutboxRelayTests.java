package org.erratum.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.erratum.events.ErratumEvent;
import org.erratum.platform.outbox.Outbox.Round;
import org.erratum.platform.outbox.OutboxStore.Backlog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The outbox's and its relay's rules, with the store and the publisher replaced by stand-ins: no broker, no store. */
class OutboxRelayTests {

    private static final String TOPIC = "test.events";

    /** An entry that is its own event, so the publisher sees which entry it sends. */
    record Entry(int order) implements ErratumEvent {

        @Override
        public UUID eventId() {
            return new UUID(0, order);
        }

        @Override
        public Instant occurredAt() {
            return Instant.parse("2026-03-01T12:00:00Z").plusMillis(order);
        }

        @Override
        public String articleId() {
            return "article-1";
        }
    }

    @SuppressWarnings("unchecked")
    private final OutboxStore<Entry> store = mock(OutboxStore.class);
    private final EventPublisher publisher = mock(EventPublisher.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Outbox<Entry> outbox = new Outboxes(publisher, new OutboxProperties(Map.of("test",
            new OutboxProperties.Relay(Duration.ofSeconds(5), null, 3, 10, Duration.ofMillis(10),
                    Duration.ofMillis(40)))), meters, Clock.systemUTC(), 3)
            .create("test", new NewTopic(TOPIC, 3, (short) 1), store);
    private final OutboxRelay<Entry> relay = outbox.relay();

    @BeforeEach
    void anEmptyStore() {
        when(store.backlog()).thenReturn(Backlog.NONE);
        when(store.markPublished(any())).thenReturn(List.of());
        when(store.eventOf(any())).thenAnswer(call -> call.getArgument(0));
    }

    @Test
    void onlyEntriesKafkaAcknowledgedAreMarkedPublished() throws Exception {
        when(store.pending(any(), eq(3))).thenReturn(List.of(entry(0), entry(1), entry(2)));
        when(publisher.send(eq(TOPIC), any(), any())).thenReturn(acknowledged(), queuedButLost(), acknowledged());

        Round round = relay.sweepRound();

        assertThat(round.failed()).isTrue();
        assertThat(round.acknowledged()).isEqualTo(2);
        verify(store).markPublished(List.of(entry(0), entry(2)));
        assertThat(meters.get("erratum.outbox.published").tag("outbox", "test").counter().count()).isEqualTo(2);
    }

    @Test
    void whenNoBrokerTakesARecordTheRestOfTheBatchIsNotSent() throws Exception {
        when(store.pending(any(), eq(3))).thenReturn(List.of(entry(0), entry(1), entry(2)));
        when(publisher.send(eq(TOPIC), any(), any())).thenReturn(acknowledged(), notQueued());

        Round round = relay.sweepRound();

        assertThat(round.failed()).isTrue();
        verify(publisher, times(2)).send(eq(TOPIC), any(), any());
        verify(store).markPublished(List.of(entry(0)));
    }

    @Test
    void aFullBatchMeansMoreMayBeWaiting() throws Exception {
        when(store.pending(any(), eq(3))).thenReturn(List.of(entry(0), entry(1), entry(2)));
        when(publisher.send(eq(TOPIC), any(), any())).thenReturn(acknowledged());

        assertThat(relay.sweepRound().full()).isTrue();
    }

    @Test
    void anEmptyOutboxSendsNothing() throws Exception {
        when(store.pending(any(), eq(3))).thenReturn(List.of());

        assertThat(relay.sweepRound()).isEqualTo(Round.EMPTY);
        verify(publisher, never()).send(any(), any(), any());
    }

    @Test
    void anEntryThatChangedWhileItWasPublishedIsPublishedAgainInItsNewestState() {
        Entry newest = entry(9);
        when(publisher.send(eq(TOPIC), any(), any())).thenReturn(acknowledged());
        when(store.markPublished(List.of(entry(0)))).thenReturn(List.of(newest));

        assertThat(outbox.publishNow(entry(0))).isTrue();

        verify(store).markPublished(List.of(newest));
        verify(publisher, times(2)).send(eq(TOPIC), any(), any());
    }

    @Test
    void whatKafkaDidNotAcknowledgeAtOnceStaysPending() {
        when(publisher.send(eq(TOPIC), any(), any())).thenReturn(queuedButLost());

        assertThat(outbox.publishNow(entry(0))).isFalse();

        verify(store, never()).markPublished(any());
    }

    @Test
    void handedOverEntriesAreSentInOrderWithoutReadingTheStore() throws Exception {
        when(publisher.send(eq(TOPIC), any(), any())).thenReturn(acknowledged());
        outbox.handOver(entry(0));
        outbox.handOver(entry(1));

        Round round = relay.relayHandedOver();

        assertThat(round.acknowledged()).isEqualTo(2);
        verify(store).markPublished(List.of(entry(0), entry(1)));
        verify(store, never()).pending(any(), anyInt());
    }

    /**
     * A document written twice in quick succession: the second write hands over its earlier, still unmarked entry
     * again, ahead of its new one. Each reaches Kafka once, in order.
     */
    @Test
    void anEntryHandedOverAgainAfterKafkaAcknowledgedItIsNotSentTwice() throws Exception {
        List<Integer> sent = sentAfterTheRelayPublishedTheFirstEntry();
        outbox.handOver(List.of(entry(0), entry(1)));

        Round round = relay.relayHandedOver();

        assertThat(sent).containsExactly(0, 1);
        assertThat(round.acknowledged()).isEqualTo(1);
        verify(store).markPublished(List.of(entry(1)));
    }

    /**
     * A writer publishes its document's pending entries itself, the older one among them, which the relay sent
     * meanwhile and has not marked yet in what the writer read: that one is marked with the new one, not sent again.
     */
    @Test
    void aWriterPublishingAnEntryTheRelaySentLatelyMarksItWithoutSendingItAgain() throws Exception {
        List<Integer> sent = sentAfterTheRelayPublishedTheFirstEntry();

        assertThat(outbox.publishNow(List.of(entry(0), entry(1)))).isTrue();

        assertThat(sent).containsExactly(0, 1);
        verify(store).markPublished(List.of(entry(0), entry(1)));
    }

    @Test
    void aSweepDropsTheHandOverAndMeasuresTheBacklog() throws Exception {
        Instant oldest = Instant.now().minusSeconds(120);
        when(store.pending(any(), eq(3))).thenReturn(List.of());
        when(store.backlog()).thenReturn(new Backlog(7, Optional.of(oldest)));
        outbox.handOver(entry(0));

        relay.sweepRound();

        assertThat(relay.handOver().take(10)).isEmpty();
        assertThat(meters.get("erratum.outbox.depth").tag("outbox", "test").gauge().value()).isEqualTo(7);
        assertThat(meters.get("erratum.outbox.oldest.age").tag("outbox", "test").timeGauge()
                .value(TimeUnit.SECONDS)).isBetween(119.0, 180.0);
    }

    @Test
    void aSweepLeavesRecentEntriesToTheRequestsThatStoredThemForTheGrace() throws Exception {
        Outbox<Entry> graceful = new Outboxes(publisher, new OutboxProperties(Map.of("graceful",
                new OutboxProperties.Relay(null, Duration.ofSeconds(10), null, null, null, null))), meters,
                Clock.systemUTC(), 3).create("graceful", new NewTopic(TOPIC, 3, (short) 1), store);
        when(store.pending(any(), anyInt())).thenReturn(List.of());
        Instant before = Instant.now();

        graceful.relay().sweepRound();

        verify(store).pending(argThat(storedBefore ->
                !storedBefore.isAfter(before.minusSeconds(9)) && storedBefore.isAfter(before.minusSeconds(60))),
                eq(100));
    }

    /**
     * Kafka fails the hand-over path; the relay does not carry on with what is handed over next, which could overtake
     * the failed entry, but sweeps the store from the oldest pending entry.
     */
    @Test
    void afterKafkaFailsAHandedOverEntryTheRelaySweepsFromTheOldest() {
        Entry failing = entry(0);
        Entry next = entry(1);
        Set<Entry> published = ConcurrentHashMap.newKeySet();
        AtomicInteger sweeps = new AtomicInteger();
        when(store.pending(any(), anyInt())).thenAnswer(call -> {
            if (sweeps.incrementAndGet() == 1) {
                outbox.handOver(failing); // intake accepts the first entry after the sweep at start
                return List.of();
            }
            return Stream.of(failing, next).filter(e -> !published.contains(e)).toList();
        });
        doAnswer(call -> {
            published.addAll(call.<Collection<Entry>>getArgument(0));
            return List.of();
        }).when(store).markPublished(any());
        List<Integer> sent = new CopyOnWriteArrayList<>();
        when(publisher.send(eq(TOPIC), any(), any())).thenAnswer(call -> {
            sent.add(call.getArgument(1, Entry.class).order());
            if (sent.size() == 1) {
                outbox.handOver(next); // intake hands over the next entry while the first one is in flight
                return queuedButLost();
            }
            return acknowledged();
        });

        outbox.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> published.size() == 2);
        } finally {
            outbox.stop();
        }

        assertThat(sent).containsExactly(0, 0, 1);
        assertThat(meters.get("erratum.outbox.relay.failures").tag("outbox", "test").counter().count())
                .isEqualTo(1);
    }

    /**
     * Kafka goes away in the middle of a batch and comes back a few rounds later. Like a real broker it never keeps a
     * record after one of the same partition it lost (the idempotent producer numbers them), and it may keep one whose
     * acknowledgement was lost. The relay backs off, retries from the oldest pending entry, and in the end every entry
     * is published, each event's first arrival on Kafka in the store's order.
     */
    @Test
    void duringAnOutageTheRelayRetriesUntilEveryEntryIsPublishedInOrder() {
        List<Entry> stored = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            stored.add(entry(i));
        }
        Set<Entry> published = ConcurrentHashMap.newKeySet();
        AtomicBoolean lostOneThisRound = new AtomicBoolean();
        when(store.pending(any(), anyInt())).thenAnswer(call -> {
            lostOneThisRound.set(false);
            return stored.stream().filter(e -> !published.contains(e)).limit(call.getArgument(1, Integer.class))
                    .toList();
        });
        doAnswer(call -> {
            published.addAll(call.<Collection<Entry>>getArgument(0));
            return List.of();
        }).when(store).markPublished(any());
        AtomicInteger sends = new AtomicInteger();
        List<Integer> onKafka = new CopyOnWriteArrayList<>();
        when(publisher.send(eq(TOPIC), any(), any())).thenAnswer(call -> {
            int send = sends.incrementAndGet();
            Entry entry = call.getArgument(1, Entry.class);
            if (send == 3) {
                onKafka.add(entry.order()); // written, but the acknowledgement never came back
            }
            boolean brokerAway = send >= 3 && send <= 8;
            if (brokerAway || lostOneThisRound.get()) {
                lostOneThisRound.set(true);
                return queuedButLost();
            }
            onKafka.add(entry.order());
            return acknowledged();
        });

        outbox.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> published.size() == stored.size());
        } finally {
            outbox.stop();
        }

        assertThat(sends.get()).as("sends, retries included").isGreaterThan(stored.size());
        assertThat(onKafka.stream().distinct().toList())
                .containsExactlyElementsOf(stored.stream().map(Entry::order).toList());
        assertThat(outbox.isRunning()).isFalse();
    }

    private static Entry entry(int order) {
        return new Entry(order);
    }

    /** Kafka acknowledges every send; the relay has published entry 0, handed over. */
    private List<Integer> sentAfterTheRelayPublishedTheFirstEntry() throws Exception {
        List<Integer> sent = new CopyOnWriteArrayList<>();
        when(publisher.send(eq(TOPIC), any(), any())).thenAnswer(call -> {
            sent.add(call.getArgument(1, Entry.class).order());
            return acknowledged();
        });
        outbox.handOver(List.of(entry(0)));
        relay.relayHandedOver();
        return sent;
    }

    private static CompletableFuture<Void> acknowledged() {
        return CompletableFuture.completedFuture(null);
    }

    /** Not queued at all: the producer found no broker within {@code max.block.ms}. */
    private static CompletableFuture<Void> notQueued() {
        return CompletableFuture.failedFuture(new IllegalStateException("no metadata within max.block.ms"));
    }

    /** Queued, and then Kafka never acknowledged it (the delivery timeout passed). */
    private static CompletableFuture<Void> queuedButLost() {
        return new CompletableFuture<>() {
            @Override
            public Void get() throws ExecutionException {
                throw new ExecutionException(new IllegalStateException("no acknowledgement"));
            }
        };
    }
}
