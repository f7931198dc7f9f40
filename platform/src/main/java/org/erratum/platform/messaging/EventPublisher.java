package org.erratum.platform.messaging;

import java.nio.charset.StandardCharsets;

import org.erratum.events.CloudEventHeaders;
import org.erratum.events.ErratumEvent;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Publishes an event to an output binding with the article id as record key and CloudEvents headers, and returns
 * only once the broker acknowledged it (producer bindings run with {@code sync: true} and acks=all).
 */
public class EventPublisher {

    private final StreamBridge streamBridge;
    private final String source;

    public EventPublisher(StreamBridge streamBridge, String applicationName) {
        this.streamBridge = streamBridge;
        this.source = "/erratum/" + applicationName;
    }

    /**
     * @throws EventNotPublishedException when the broker did not acknowledge the event; it may still have been
     *                                    written, so consumers dedupe by event id
     */
    public void publish(String binding, ErratumEvent event) {
        boolean sent;
        try {
            sent = streamBridge.send(binding, toMessage(event));
        } catch (RuntimeException e) {
            throw new EventNotPublishedException(event, e);
        }
        if (!sent) {
            throw new EventNotPublishedException(event, null);
        }
    }

    private Message<ErratumEvent> toMessage(ErratumEvent event) {
        MessageBuilder<ErratumEvent> message = MessageBuilder.withPayload(event)
                .setHeader(KafkaHeaders.KEY, event.articleId().getBytes(StandardCharsets.UTF_8));
        // raw UTF-8 bytes, as the CloudEvents Kafka binding specifies; a String would be JSON-quoted by the mapper
        CloudEventHeaders.of(event, source)
                .forEach((name, value) -> message.setHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        return message.build();
    }
}
