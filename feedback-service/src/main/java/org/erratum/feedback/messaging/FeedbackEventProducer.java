package org.erratum.feedback.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.erratum.events.CloudEventHeaders;
import org.erratum.events.ErratumEvent;
import org.erratum.feedback.outbox.CurrentTrace;
import org.erratum.feedback.outbox.OutboxEntry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends feedback events without waiting: each send returns a future that completes when Kafka acknowledged the
 * record (acks=all) or gave up on it. The platform's EventPublisher blocks per event, which caps the relay at one
 * broker round trip per event; this lets a batch share one.
 * <p>
 * Records look exactly like the platform's: article id as key, JSON body, CloudEvents attributes as UTF-8 headers.
 * Each continues the trace of the request that stored its entry: the send runs in a span that is a child of that
 * request's (a new trace for an entry stored outside any), and the record carries that span on in its W3C
 * {@code traceparent} header. The span is made here rather than by the template's observation, which would add a
 * second span and a timer per record to the relay's hottest loop.
 */
class FeedbackEventProducer {

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final String source;
    private final Tracer tracer;
    private final Propagator propagator;

    FeedbackEventProducer(KafkaTemplate<String, String> kafka, JsonMapper json, String applicationName, Tracer tracer,
            Propagator propagator) {
        this.kafka = kafka;
        this.json = json;
        this.source = "/erratum/" + applicationName;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * @return completes normally only on the broker's acknowledgement
     * @throws org.apache.kafka.common.KafkaException when the record cannot even be queued, e.g. no broker answered
     *                                                for metadata within {@code max.block.ms}
     */
    CompletableFuture<SendResult<String, String>> send(String topic, OutboxEntry entry) {
        ErratumEvent event = entry.event();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.articleId(),
                json.writeValueAsString(event));
        CloudEventHeaders.of(event, source)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        Span relay = relaySpan(entry.traceparent());
        propagator.inject(relay.context(), record.headers(),
                (headers, name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            CompletableFuture<SendResult<String, String>> sent = kafka.send(record);
            sent.whenComplete((result, failure) -> end(relay, failure));
            return sent;
        } catch (RuntimeException e) {
            end(relay, e);
            throw e;
        }
    }

    /** A span under the span of the request that stored the entry, or a new trace; it lasts until the ack. */
    private Span relaySpan(String traceparent) {
        if (traceparent == null) {
            return tracer.nextSpan().name("outbox relay").start();
        }
        Propagator.Getter<String> stored = (value, header) -> CurrentTrace.TRACEPARENT.equals(header) ? value : null;
        return propagator.extract(traceparent, stored).name("outbox relay").start();
    }

    private static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.error(failure);
        }
        span.end();
    }
}
