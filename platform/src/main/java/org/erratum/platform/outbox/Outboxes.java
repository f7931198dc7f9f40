package org.erratum.platform.outbox;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;

/** Makes each service's outboxes, all alike: {@code @Bean Outbox<Article> articles(Outboxes outboxes, ...)}. */
public class Outboxes {

    private final EventPublisher publisher;
    private final OutboxProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final int partitions;

    public Outboxes(EventPublisher publisher, OutboxProperties properties, MeterRegistry meters, Clock clock,
            int partitions) {
        this.publisher = publisher;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        this.partitions = partitions;
    }

    /**
     * @param name  names its settings ({@code erratum.outbox.<name>.*}), its metrics' {@code outbox} tag and its
     *              relay thread
     * @param topic see {@link #topic(String)}
     */
    public <E> Outbox<E> create(String name, NewTopic topic, OutboxStore<E> store) {
        return new Outbox<>(name, topic, store, publisher, properties.relay(name),
                new OutboxMetrics(name, meters, clock), clock);
    }

    /** A topic with the partition count the binder gives the topics it creates. */
    public TopicBuilder topic(String name) {
        return TopicBuilder.name(name).partitions(partitions);
    }
}
