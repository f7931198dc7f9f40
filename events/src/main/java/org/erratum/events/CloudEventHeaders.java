package org.erratum.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents 1.0 attributes in Kafka binary mode: one {@code ce_}-prefixed header per attribute, JSON body.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String SPEC_VERSION_VALUE = "1.0";

    private CloudEventHeaders() {
    }

    /**
     * @param source the producing service as a URI reference, e.g. {@code /erratum/feedback-service}
     */
    public static Map<String, String> of(ErratumEvent event, String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, event.eventId().toString());
        headers.put(TYPE, EventType.of(event).type());
        headers.put(SOURCE, source);
        headers.put(TIME, event.occurredAt().toString());
        headers.put(SUBJECT, event.articleId());
        headers.put(SPEC_VERSION, SPEC_VERSION_VALUE);
        return headers;
    }
}
