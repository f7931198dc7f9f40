package org.erratum.feedback.messaging;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.erratum.events.Topics;
import org.erratum.feedback.config.FeedbackProperties;
import org.erratum.feedback.outbox.Outbox;
import org.erratum.feedback.report.Report;
import org.erratum.feedback.vote.Vote;
import org.erratum.platform.PlatformAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import tools.jackson.databind.json.JsonMapper;

/** The outbox relay and the producer it publishes with. */
@Configuration(proxyBeanMethods = false)
class OutboxRelayConfig {

    /**
     * Connection, timeouts and batching follow {@code spring.kafka.*}; what makes "published" mean "cannot be lost"
     * is fixed here so no setting can weaken it: every in-sync replica has the record (acks=all), and retries
     * neither duplicate nor reorder records within a partition (idempotence). The producer makes each send's span
     * and {@code traceparent} header itself, so the template is not observed.
     */
    @Bean
    FeedbackEventProducer feedbackEventProducer(KafkaProperties kafka, JsonMapper json,
            Environment environment, Tracer tracer, Propagator propagator) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        var producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer());
        return new FeedbackEventProducer(new KafkaTemplate<>(producers), json,
                environment.getRequiredProperty(PlatformAutoConfiguration.APPLICATION_NAME), tracer, propagator);
    }

    @Bean
    OutboxRelay outboxRelay(Outbox outbox, FeedbackEventProducer producer, FeedbackProperties properties,
            MeterRegistry meters, Clock clock) {
        return new OutboxRelay(outbox, producer, properties.outbox(), meters, clock, List.of(
                new OutboxRelay.Kind<>("vote", Topics.VOTES, Vote.class),
                new OutboxRelay.Kind<>("report", Topics.REPORTS, Report.class)));
    }

    /**
     * The relay's producer does not go through a Stream binding, so the topics are declared here with the partition
     * count the binder gives every other topic; whichever service starts first creates them.
     */
    @Bean
    KafkaAdmin.NewTopics feedbackTopics(Environment environment) {
        // the binder's own setting, from erratum-platform.yml
        int partitions = environment.getRequiredProperty("spring.cloud.stream.kafka.binder.min-partition-count",
                Integer.class);
        return new KafkaAdmin.NewTopics(topic(Topics.VOTES, partitions), topic(Topics.REPORTS, partitions));
    }

    private static NewTopic topic(String name, int partitions) {
        return TopicBuilder.name(name).partitions(partitions).build();
    }
}
