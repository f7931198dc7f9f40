package org.erratum.platform.outbox;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The trace the current request runs in, as a W3C {@code traceparent} value to keep with an outbox entry. The relay
 * publishes the entry later, on a thread of its own, and continues the request's trace from that value, so one trace
 * id leads from the reader's request to the event on Kafka and on to its consumers.
 */
public class CurrentTrace {

    /** The W3C Trace Context header: version, trace id, parent span id and flags. */
    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public CurrentTrace(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** @return the current span as a {@code traceparent} value, or null outside any trace */
    public String traceparent() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        propagator.inject(context, headers, Map::put);
        return headers.get(TRACEPARENT);
    }
}
