package org.erratum.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.erratum.events.CloudEventHeaders;
import org.erratum.events.ErratumEvent;
import org.springframework.kafka.core.KafkaTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one way an event goes to Kafka: article id as record key, JSON body, CloudEvents attributes as UTF-8 headers
 * (binary mode), sent by an idempotent producer with acks=all.
 * <p>
 * {@link #send} does not wait: its future completes when Kafka acknowledged the record or gave up on it, so a relay
 * sends a whole batch and lets it share broker round trips. {@link #publish} is the blocking convenience for a
 * request that answers only after the acknowledgement.
 * <p>
 * Each record continues a trace: the send runs in a span that is a child of the given {@code traceparent} (an outbox
 * entry keeps the one of the request that stored it, see {@link CurrentTrace}), else of the current span, else of a
 * new trace; the record carries that span on in its W3C {@code traceparent} header. The span is made here rather
 * than by the template's observation, which would add a second span and a timer per record to the relay's hottest
 * loop.
 */
public class EventPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final String source;
    private final Tracer tracer;
    private final Propagator propagator;

    public EventPublisher(KafkaTemplate<String, String> kafka, JsonMapper json, String applicationName, Tracer tracer,
            Propagator propagator) {
        this.kafka = kafka;
        this.json = json;
        this.source = "/erratum/" + applicationName;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * @param traceparent the trace to continue, or null for the current one
     * @return completes normally only on the broker's acknowledgement, else with an
     *         {@link EventNotPublishedException}; already completed when the record could not even be queued (no
     *         broker answered for metadata within {@code max.block.ms})
     */
    public CompletableFuture<Void> send(String topic, ErratumEvent event, String traceparent) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Span span = spanFor(traceparent);
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.articleId(),
                    json.writeValueAsString(event));
            CloudEventHeaders.of(event, source)
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            propagator.inject(span.context(), record.headers(),
                    (headers, name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
            kafka.send(record).whenComplete((result, failure) -> {
                end(span, failure);
                complete(acknowledged, event, failure);
            });
        } catch (RuntimeException e) {
            end(span, e);
            complete(acknowledged, event, e);
        }
        return acknowledged;
    }

    /**
     * Sends in the current trace and returns once Kafka acknowledged; the producer's {@code delivery.timeout.ms}
     * bounds the wait.
     *
     * @throws EventNotPublishedException when the broker did not acknowledge the event; it may still have been
     *                                    written, so consumers dedupe by event id
     */
    public void publish(String topic, ErratumEvent event) {
        try {
            send(topic, event, null).get();
        } catch (ExecutionException e) {
            throw (EventNotPublishedException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotPublishedException(event, e);
        }
    }

    private Span spanFor(String traceparent) {
        if (traceparent == null) {
            return tracer.nextSpan().name("publish").start();
        }
        Propagator.Getter<String> stored = (value, header) -> CurrentTrace.TRACEPARENT.equals(header) ? value : null;
        return propagator.extract(traceparent, stored).name("publish").start();
    }

    private static void complete(CompletableFuture<Void> acknowledged, ErratumEvent event, Throwable failure) {
        if (failure == null) {
            acknowledged.complete(null);
        } else {
            acknowledged.completeExceptionally(new EventNotPublishedException(event, failure));
        }
    }

    private static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.error(failure);
        }
        span.end();
    }
}
