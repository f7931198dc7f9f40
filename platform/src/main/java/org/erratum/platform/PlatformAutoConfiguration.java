package org.erratum.platform;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.erratum.platform.health.MongoPingHealthIndicator;
import org.erratum.platform.mail.MailOutbox;
import org.erratum.platform.helpfulness.SmoothedHelpfulness;
import org.erratum.platform.messaging.BatchDeadLetters;
import org.erratum.platform.messaging.DeadLetters;
import org.erratum.platform.outbox.CurrentTrace;
import org.erratum.platform.outbox.EventPublisher;
import org.erratum.platform.outbox.Outbox;
import org.erratum.platform.outbox.OutboxProperties;
import org.erratum.platform.outbox.Outboxes;
import org.erratum.platform.web.ApiDocumentation;
import org.erratum.platform.web.ProblemReportValve;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** What every Erratum service gets by depending on the platform. */
@AutoConfiguration(before = MongoHealthContributorAutoConfiguration.class)
@EnableConfigurationProperties({ SmoothedHelpfulness.class, OutboxProperties.class })
@Import(ApiDocumentation.class)
public class PlatformAutoConfiguration {

    /** Spring Boot's own setting: the service's name, on every event it publishes and in its API document. */
    public static final String APPLICATION_NAME = "spring.application.name";

    /**
     * The one clock of every service: dates on articles, deadlines and leases are facts staff and readers rely on.
     * A test that needs another time constructs its class with its own clock, or declares a {@code Clock} bean.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Connection, timeouts and batching follow {@code spring.kafka.*}; what makes "published" mean "cannot be lost"
     * is fixed here so no setting can weaken it: every in-sync replica has the record (acks=all), and retries
     * neither duplicate nor reorder records within a partition (idempotence). The publisher makes each send's span
     * and {@code traceparent} header itself, so the template is not observed.
     */
    @Bean
    EventPublisher eventPublisher(KafkaProperties kafka, JsonMapper json, Environment environment,
            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        var producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer());
        return new EventPublisher(new KafkaTemplate<>(producers), json,
                environment.getRequiredProperty(APPLICATION_NAME),
                tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    CurrentTrace currentTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new CurrentTrace(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /** Outbox topics get the partition count the binder gives the topics it creates. */
    @Bean
    Outboxes outboxes(EventPublisher publisher, OutboxProperties properties, MeterRegistry meters, Clock clock,
            Environment environment) {
        return new Outboxes(publisher, properties, meters, clock, environment
                .getProperty("spring.cloud.stream.kafka.binder.min-partition-count", Integer.class, 1));
    }

    /** Each outbox's topic, created when the application starts by whichever service starts first. */
    @Bean
    KafkaAdmin.NewTopics outboxTopics(ObjectProvider<Outbox<?>> outboxes) {
        return new KafkaAdmin.NewTopics(outboxes.orderedStream().map(Outbox::topic).toArray(NewTopic[]::new));
    }

    /** The Kafka binder picks this up to name dead-letter topics; it counts each record it dead-letters. */
    @Bean
    DeadLetters deadLetters(MeterRegistry registry, BindingServiceProperties bindings) {
        return new DeadLetters(registry, bindings);
    }

    /**
     * Retries and dead letters for batch bindings, record by record; its producer sends the failed records' bytes as
     * they came, as durably as the binder's own dead letters.
     */
    @Bean
    BatchDeadLetters batchDeadLetters(KafkaProperties kafka, DeadLetters names) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        var producers = new DefaultKafkaProducerFactory<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        return new BatchDeadLetters(new KafkaTemplate<>(producers), names);
    }

    /**
     * Errors Tomcat answers itself, before the application sees the request, as problem documents. The context's
     * host is not started yet when context customizers run, so it still takes the report valve's class.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
                .setErrorReportValveClass(ProblemReportValve.class.getName()));
    }

    /** Named as Boot's indicator so it replaces it. */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    /** A service that sends mail (it declares Spring Boot's mail starter) gets the outbox its postman sends from. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.mail.javamail.JavaMailSender")
    static class MailOutboxConfiguration {

        @Bean
        MailOutbox mailOutbox(MongoTemplate mongo) {
            return new MailOutbox(mongo);
        }
    }

}
