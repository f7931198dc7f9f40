package org.erratum.review.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.erratum.platform.outbox.CurrentTrace;
import org.erratum.platform.tally.OnceOnlyCounters.Step;
import org.erratum.events.ReportSubmitted;
import org.erratum.review.queue.Signals.Arrival;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * A batch listener runs outside every record's trace, which the binder continues only for a record at a time: what
 * is done about one record of a poll continues the trace that record carries (its W3C {@code traceparent}), in a span
 * of the review service's own, so its log lines lead back to the reader's request.
 */
@Component
class RecordTraces {

    private final Tracer tracer;
    private final Propagator propagator;

    RecordTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The poll's readable reports (see {@link Step#handle}), each with the trace its record carries. */
    List<Arrival> arrivals(Message<List<byte[]>> poll, List<Step<ReportSubmitted>> reports) {
        List<Arrival> arrivals = new ArrayList<>(reports.size());
        for (int index = 0; index < reports.size(); index++) {
            String traceparent = traceparentOf(poll, index);
            arrivals.add(new Arrival(reports.get(index).value(), action -> continueTrace(traceparent, action)));
        }
        return arrivals;
    }

    private void continueTrace(String traceparent, Runnable action) {
        if (traceparent == null) {
            action.run();
            return;
        }
        Span span = propagator.extract(Map.of(CurrentTrace.TRACEPARENT, traceparent),
                (carrier, key) -> carrier.get(key)).name("queue report").kind(Span.Kind.CONSUMER).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            action.run();
        } finally {
            span.end();
        }
    }

    /** The record's header as the binder gives a poll's headers: mapped per record, or Kafka's own. */
    @SuppressWarnings("unchecked")
    private static String traceparentOf(Message<?> poll, int index) {
        Object mapped = poll.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        if (mapped instanceof List<?> perRecord && index < perRecord.size()) {
            return text(((Map<String, Object>) perRecord.get(index)).get(CurrentTrace.TRACEPARENT));
        }
        Object raw = poll.getHeaders().get(KafkaHeaders.NATIVE_HEADERS);
        if (raw instanceof List<?> perRecord && index < perRecord.size()
                && perRecord.get(index) instanceof Headers headers) {
            Header header = headers.lastHeader(CurrentTrace.TRACEPARENT);
            return header == null ? null : text(header.value());
        }
        return null;
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : value == null ? null : value.toString();
    }
}
