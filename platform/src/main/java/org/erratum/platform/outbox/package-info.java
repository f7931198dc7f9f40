/**
 * How an event gets to Kafka safely, for every service: read this package first.
 * <ol>
 * <li>A change and its event are one write: the document that changes is marked pending in the same single-document
 * update (an article's {@code announcePending}, a review item's list of events, a sign-off's or a vote's
 * {@code published=false}). No transaction is needed, so it works on any MongoDB, the embedded test store included.
 * A service describes where its pending entries are with an {@link org.erratum.platform.outbox.OutboxStore}.</li>
 * <li>Every outbox is an {@link org.erratum.platform.outbox.Outbox}, made by
 * {@link org.erratum.platform.outbox.Outboxes}: the request that stored an entry publishes it at once and waits
 * for the broker's acknowledgement ({@code publishNow}), or hands it to the relay in memory and answers at once
 * ({@code handOver}, the fast path of reader feedback and of reviewers' item changes); either way the relay's
 * sweeps publish whatever is still pending, after an outage or a restart, backing off with Spring's
 * {@code ExponentialBackOff} while Kafka is away.
 * An entry is marked published only on Kafka's acknowledgement.</li>
 * <li>The {@link org.erratum.platform.outbox.EventPublisher} is the one producer: article id as key, CloudEvents
 * headers, acks=all and idempotence, an asynchronous send completed on the acknowledgement, and the trace of the
 * request that stored the entry carried on in the record's {@code traceparent}.</li>
 * <li>An event may reach Kafka twice (a lost acknowledgement, two instances relaying at once), never not at all:
 * consumers dedupe by event id or keep the highest version.</li>
 * </ol>
 * Every outbox reports the same metrics, tagged with its name: {@code erratum.outbox.published},
 * {@code erratum.outbox.relay.failures}, {@code erratum.outbox.depth} and {@code erratum.outbox.oldest.age}; and
 * takes its relay's settings from {@code erratum.outbox.<name>.*} ({@link org.erratum.platform.outbox.OutboxProperties}).
 * <p>
 * Events are published with Spring Kafka directly, not through Spring Cloud Stream output bindings:
 * {@code StreamBridge} answers true or false per message (and blocks per message for that answer), where a relay
 * needs a future per record to send a batch and wait once; and the topics are declared with their outboxes. The
 * binder still runs every consumer, with its retries and dead-letter topics.
 */
package org.erratum.platform.outbox;
