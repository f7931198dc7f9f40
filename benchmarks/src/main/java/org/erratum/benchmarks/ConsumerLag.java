package org.erratum.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.erratum.events.CloudEventHeaders;
import org.erratum.events.ErratumEvent;
import org.erratum.events.EventType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The broker side of the growth benchmark, through Kafka's own clients: how many records a topic holds, how far a
 * consumer group has committed, and a producer that writes contract events as the services' relays do (JSON body,
 * article id key, CloudEvents headers naming the producing service).
 */
final class ConsumerLag implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Admin admin;
    private final KafkaProducer<String, String> producer;

    ConsumerLag(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new StringSerializer());
    }

    /** Records ever written to the topic (its partitions' end offsets; nothing is deleted during a run). */
    long records(String topic) {
        return ends(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records of the topic the group has not committed yet. */
    long lag(String group, String topic) {
        Map<TopicPartition, Long> ends = ends(topic);
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        return ends.entrySet().stream().mapToLong(end -> {
            OffsetAndMetadata done = committed.get(end.getKey());
            return end.getValue() - (done == null ? 0 : done.offset());
        }).sum();
    }

    /** Sends the event without waiting; {@link #flush()} waits for every acknowledgement. */
    void produce(ErratumEvent event, String source) {
        ProducerRecord<String, String> record = new ProducerRecord<>(EventType.of(event).topic(), event.articleId(),
                JSON.writeValueAsString(event));
        CloudEventHeaders.of(event, source)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                throw new IllegalStateException("Kafka refused " + event, error);
            }
        });
    }

    void flush() {
        producer.flush();
    }

    private Map<TopicPartition, Long> ends(String topic) {
        List<TopicPartition> partitions = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        return get(admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all()).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
