package org.erratum.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.util.StringUtils;

/**
 * Counts every record the Kafka binder dead-letters, as {@code erratum.messaging.dead.letters{topic}} (the topic the
 * record came from). The binder has no listener for that; it asks its {@link DlqDestinationResolver} for the
 * dead-letter topic exactly once per record it gives up on, so this resolver counts there and answers the binder's
 * default name, {@code error.<topic>.<group>}. The binder asks on the consumer's own thread, where Spring Kafka keeps
 * the consumer's group. While a resolver is present the binder ignores a binding's {@code dlq-name}: name dead-letter
 * topics here instead.
 */
public class DeadLetters implements DlqDestinationResolver {

    static final String METRIC = "erratum.messaging.dead.letters";

    private final MeterRegistry registry;

    public DeadLetters(MeterRegistry registry, BindingServiceProperties bindings) {
        this.registry = registry;
        // a series per consumed topic from the start: an alert on increase() then sees the very first dead letter
        bindings.getBindings().values().stream()
                .filter(binding -> StringUtils.hasText(binding.getGroup()))
                .map(BindingProperties::getDestination)
                .filter(StringUtils::hasText)
                .flatMap(destination -> StringUtils.commaDelimitedListToSet(destination).stream())
                .map(String::trim)
                .forEach(this::counter);
    }

    @Override
    public String apply(ConsumerRecord<?, ?> record, Exception exception) {
        String group = KafkaUtils.getConsumerGroupId();
        if (group == null) {
            // only consumers with a group may have a dead-letter topic, so this would be a binder change
            throw new IllegalStateException("No consumer group on this thread; cannot name the dead-letter topic of "
                    + record.topic() + "-" + record.partition() + "@" + record.offset());
        }
        counter(record.topic()).increment();
        return "error." + record.topic() + "." + group;
    }

    private Counter counter(String topic) {
        return Counter.builder(METRIC)
                .description("Records the Kafka binder sent to a dead-letter topic, by the topic they came from")
                .tag("topic", topic)
                .register(registry);
    }
}
