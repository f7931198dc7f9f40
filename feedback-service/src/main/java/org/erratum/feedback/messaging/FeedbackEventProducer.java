package org.erratum.feedback.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.erratum.events.CloudEventHeaders;
import org.erratum.events.ErratumEvent;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends feedback events without waiting: each send returns a future that completes when Kafka acknowledged the
 * record (acks=all) or gave up on it. The platform's EventPublisher blocks per event, which caps the relay at one
 * broker round trip per event; this lets a batch share one.
 * <p>
 * Records look exactly like the platform's: article id as key, JSON body, CloudEvents attributes as UTF-8 headers.
 */
class FeedbackEventProducer {

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final String source;

    FeedbackEventProducer(KafkaTemplate<String, String> kafka, JsonMapper json, String applicationName) {
        this.kafka = kafka;
        this.json = json;
        this.source = "/erratum/" + applicationName;
    }

    /**
     * @return completes normally only on the broker's acknowledgement
     * @throws org.apache.kafka.common.KafkaException when the record cannot even be queued, e.g. no broker answered
     *                                                for metadata within {@code max.block.ms}
     */
    CompletableFuture<SendResult<String, String>> send(String topic, ErratumEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.articleId(),
                json.writeValueAsString(event));
        CloudEventHeaders.of(event, source)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return kafka.send(record);
    }
}
