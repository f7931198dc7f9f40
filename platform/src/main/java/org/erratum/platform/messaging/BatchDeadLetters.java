package org.erratum.platform.messaging;

import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Retries and dead letters for the batch bindings (a poll at a time), as near as Spring Kafka allows to what the
 * binder does for a record binding: a record that keeps failing is tried {@code max-attempts} times with the binding's
 * back-off and then goes to {@code error.<topic>.<group>} (named and counted by {@link DeadLetters}); the rest of the
 * poll carries on. The binder itself would send a failed poll's every record to the dead-letter topic, untried again.
 * <p>
 * The listener names the record that failed with a {@link BatchListenerFailedException}: the records before it are
 * committed, it is retried, and the records after it come again. A failure that names no record (the poll's payloads
 * could not be read, say) retries the whole poll and then dead-letters all of it. Record bindings keep the binder's
 * own retries and dead letters.
 */
public class BatchDeadLetters implements ListenerContainerWithDlqAndRetryCustomizer {

    private final KafkaOperations<?, ?> deadLetters;
    private final DlqDestinationResolver names;

    /**
     * @param deadLetters sends the records as they came (bytes), to the dead-letter topic
     * @param names       names the dead-letter topic, as for the record bindings
     */
    public BatchDeadLetters(KafkaOperations<?, ?> deadLetters, DlqDestinationResolver names) {
        this.deadLetters = deadLetters;
        this.names = names;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        // a record binding: the binder retries and dead-letters it
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
            ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        if (!properties.isBatchMode() || !properties.getExtension().isEnableDlq()) {
            return;
        }
        // the binder gives the binding's back-off when it retries (max-attempts above 1); the resolver it gives
        // answers only a binding's dlq-name, so the topic is named as the binder names it for record bindings, on
        // the record's partition (the binder creates the dead-letter topic with the topic's partitions)
        BackOff retries = backOff == null ? new FixedBackOff(0, 0) : backOff;
        container.setCommonErrorHandler(new DefaultErrorHandler(new DeadLetterPublishingRecoverer(deadLetters,
                (record, failure) -> new TopicPartition(names.apply(record, failure), record.partition())), retries));
    }
}
