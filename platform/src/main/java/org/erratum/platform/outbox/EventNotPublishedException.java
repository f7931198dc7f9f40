package org.erratum.platform.outbox;

import org.erratum.events.ErratumEvent;

/** The broker did not acknowledge an event in time. */
public class EventNotPublishedException extends RuntimeException {

    public EventNotPublishedException(ErratumEvent event, Throwable cause) {
        super("Event " + event.eventId() + " for article " + event.articleId() + " was not acknowledged by Kafka",
                cause);
    }
}
