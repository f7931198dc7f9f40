package org.erratum.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.erratum.events.CloudEventHeaders;
import org.erratum.events.ErratumEvent;
import org.erratum.events.EventType;

import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/** Reads and writes raw records, to check what really travels on a topic and to send what a service would not. */
public final class TopicProbe {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TopicProbe() {
    }

    /** Publishes a contract event as a producing service would: JSON body, article id key, CloudEvents headers. */
    public static void publish(ErratumEvent event) {
        publish(TestInfrastructure.endpoints().kafkaBootstrapServers(), event);
    }

    /** The same, to another broker than the shared one (e.g. a {@link KafkaBrokerProcess}). */
    public static void publish(String bootstrapServers, ErratumEvent event) {
        send(bootstrapServers, EventType.of(event).topic(), event.articleId(), JSON.writeValueAsString(event),
                CloudEventHeaders.of(event, "/erratum/tests"));
    }

    /** Sends a record as-is (headers as UTF-8) and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        send(TestInfrastructure.endpoints().kafkaBootstrapServers(), topic, key, value, headers);
    }

    private static void send(String bootstrapServers, String topic, String key, String value,
            Map<String, String> headers) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /** Waits until a record on the topic matches, and returns it. */
    public static ConsumerRecord<String, String> awaitRecord(String topic,
            Predicate<ConsumerRecord<String, String>> matching) {
        return awaitRecords(topic, matching, found -> !found.isEmpty()).get(0);
    }

    /**
     * Reads the topic from its beginning until the records that match are complete, and returns them in the order
     * they were read (which, for one key, is the order they were written).
     */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic,
            Predicate<ConsumerRecord<String, String>> matching,
            Predicate<List<ConsumerRecord<String, String>>> complete) {
        return awaitRecords(TestInfrastructure.endpoints().kafkaBootstrapServers(), topic, matching, complete);
    }

    /** The same, on another broker than the shared one (e.g. a {@link KafkaBrokerProcess}). */
    public static List<ConsumerRecord<String, String>> awaitRecords(String bootstrapServers, String topic,
            Predicate<ConsumerRecord<String, String>> matching,
            Predicate<List<ConsumerRecord<String, String>>> complete) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (matching.test(r)) {
                        found.add(r);
                    }
                });
                return complete.test(found);
            });
            return List.copyOf(found);
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
