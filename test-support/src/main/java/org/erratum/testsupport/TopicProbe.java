package org.erratum.testsupport;

import org.erratum.infrastructure.KafkaBrokerProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
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

    /** How the tests write events: Jackson's defaults, as the services' mapper has them. */
    static final JsonMapper JSON = JsonMapper.builder().build();

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

    /**
     * Publishes many events in order through one producer, waiting for every acknowledgement: for a test that needs
     * dozens, where a producer each would spend seconds connecting.
     */
    public static void publishAll(List<? extends ErratumEvent> events) {
        send(TestInfrastructure.endpoints().kafkaBootstrapServers(), events.stream()
                .map(event -> record(EventType.of(event).topic(), event.articleId(), JSON.writeValueAsString(event),
                        CloudEventHeaders.of(event, "/erratum/tests")))
                .toList());
    }

    /** Sends a record as-is (headers as UTF-8) and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        send(TestInfrastructure.endpoints().kafkaBootstrapServers(), topic, key, value, headers);
    }

    private static void send(String bootstrapServers, String topic, String key, String value,
            Map<String, String> headers) {
        send(bootstrapServers, List.of(record(topic, key, value, headers)));
    }

    private static ProducerRecord<String, String> record(String topic, String key, String value,
            Map<String, String> headers) {
        var record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static void send(String bootstrapServers, List<ProducerRecord<String, String>> records) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            // the producer is idempotent (Kafka's default), so the records of a partition stay in the order given
            var sent = records.stream().map(producer::send).toList();
            for (var acknowledged : sent) {
                acknowledged.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not send " + records.size() + " record(s) to "
                    + records.get(0).topic(), e);
        }
    }

    /** Waits until a record on the topic matches, and returns it. */
    public static ConsumerRecord<String, String> awaitRecord(String topic,
            Predicate<ConsumerRecord<String, String>> matching) {
        return awaitRecords(topic, matching, found -> !found.isEmpty()).get(0);
    }

    /** The same, on another broker than the shared one (e.g. a {@link KafkaBrokerProcess} a test stops). */
    public static ConsumerRecord<String, String> awaitRecord(String bootstrapServers, String topic,
            Predicate<ConsumerRecord<String, String>> matching) {
        return awaitRecords(bootstrapServers, topic, matching, found -> !found.isEmpty()).get(0);
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

    /** The same, on another broker than the shared one. */
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

    /**
     * Every record the topic holds right now, read from the start to the current end of every partition (assigned
     * directly, so no consumer-group join can keep it waiting). Publishing is synchronous, so the records of a
     * finished request are included.
     */
    public static List<ConsumerRecord<String, String>> records(String topic) {
        return records(TestInfrastructure.endpoints().kafkaBootstrapServers(), topic);
    }

    /** The same, on another broker than the shared one. */
    public static List<ConsumerRecord<String, String>> records(String bootstrapServers, String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
            return List.copyOf(records);
        }
    }

    /**
     * The distinct event ids ({@code ce_id}) of the records with this key on a topic of the given broker, as it holds
     * them now. A producer may have sent one twice; consumers dedupe.
     */
    public static Set<String> eventIds(String bootstrapServers, String topic, String key) {
        return records(bootstrapServers, topic).stream().filter(record -> key.equals(record.key()))
                .map(record -> header(record, "ce_id")).filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    /** Waits until the consumer group has committed offsets up to the end of every partition of the topic. */
    public static void awaitCaughtUp(String group, String topic) {
        try (Admin admin = admin()) {
            await().atMost(WAIT).until(() -> {
                List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get()
                        .get(topic).partitions().stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                var ends = admin.listOffsets(partitions.stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                return partitions.stream().allMatch(p -> ends.get(p).offset() == 0
                        || committed.get(p) != null && committed.get(p).offset() >= ends.get(p).offset());
            });
        }
    }

    /** The value of one topic-level setting as the broker reports it, e.g. {@code cleanup.policy}. */
    public static String topicConfig(String topic, String name) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = admin()) {
            return admin.describeConfigs(List.of(resource)).all().get(WAIT.toSeconds(), TimeUnit.SECONDS)
                    .get(resource).get(name).value();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not describe " + topic, e);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.endpoints().kafkaBootstrapServers()));
    }

    /**
     * Counts the records on the topics that match, reading on from where it stopped at each {@link Tally#count()}:
     * cheap enough to call before and after every request of a long test. Close it when done.
     */
    public static Tally tally(Predicate<ConsumerRecord<String, String>> matching, String... topics) {
        return new Tally(matching, List.of(topics));
    }

    /** A running count of matching records; see {@link #tally}. */
    public static final class Tally implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final Predicate<ConsumerRecord<String, String>> matching;
        private final List<TopicPartition> partitions;
        private long count;

        private Tally(Predicate<ConsumerRecord<String, String>> matching, List<String> topics) {
            this.matching = matching;
            this.consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.endpoints().kafkaBootstrapServers(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                    new StringDeserializer(), new StringDeserializer());
            this.partitions = topics.stream().flatMap(topic -> consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** Matching records from the beginning of the topics up to what they hold now. */
        public long count() {
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            // no Awaitility here: its first look comes after a delay, and this runs twice per request of a corpus
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("Could not read " + partitions + " up to " + ends);
                }
                consumer.poll(Duration.ofMillis(50)).forEach(r -> {
                    if (matching.test(r)) {
                        count++;
                    }
                });
            }
            return count;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
