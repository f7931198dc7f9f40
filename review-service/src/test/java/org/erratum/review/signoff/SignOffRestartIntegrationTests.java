package org.erratum.review.signoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.erratum.events.Reviewer;
import org.erratum.events.Topics;
import org.erratum.infrastructure.KafkaBrokerProcess;
import org.erratum.platform.web.IdempotencyKey;
import org.erratum.review.Fixtures;
import org.erratum.review.ReviewApplication;
import org.erratum.review.article.KnownArticles;
import org.erratum.review.queue.Staff;
import org.erratum.testsupport.Endpoints;
import org.erratum.testsupport.TestInfrastructure;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A sign-off stored while Kafka is down, by an instance that stops before the broker is back: the sign-offs'
 * outbox relay of the next instance publishes it on {@code review.decisions}, as one event, and marks it published.
 * <p>
 * The review service runs here in contexts of its own on a broker in its own process, which can be stopped, rather
 * than on the shared embedded one.
 */
class SignOffRestartIntegrationTests {

    private static final Duration WAIT = Duration.ofMinutes(2);

    private static KafkaBrokerProcess kafka;

    @BeforeAll
    static void startABrokerThatCanFail() {
        kafka = KafkaBrokerProcess.startFresh(Path.of("target/sign-off-restart-kafka"));
    }

    @AfterAll
    static void stopTheBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aSignOffStoredWhileKafkaIsDownIsPublishedByTheNextInstanceOnceKafkaIsBack() {
        String database = "review-sign-off-restart-" + Fixtures.newArticleId();
        String articleId = Fixtures.newArticleId();
        SignOff stored;
        try (ConfigurableApplicationContext first = reviewService(database)) {
            first.getBean(KnownArticles.class).apply(Fixtures.article(articleId, 1, 1));

            kafka.stop();
            stored = first.getBean(SignOffs.class).signOff(articleId, 1, null, new Staff("senior", true),
                    Optional.of(new Reviewer("Dr Tomas Lindqvist", "MD, FRCP")), IdempotencyKey.random());

            assertThat(stored.published()).as("Kafka is away: stored, not published").isFalse();
            assertThat(first.getBean(MongoTemplate.class).findById(stored.id(), SignOff.class).published()).isFalse();
        }

        kafka.start();
        try (ConfigurableApplicationContext second = reviewService(database)) {
            var decision = TopicProbe.awaitRecord(kafka.bootstrapServers(), Topics.DECISIONS,
                    record -> stored.id().equals(TopicProbe.header(record, "ce_id")));

            assertThat(decision.key()).isEqualTo(articleId);
            MongoTemplate mongo = second.getBean(MongoTemplate.class);
            await().atMost(WAIT).until(() -> mongo.findById(stored.id(), SignOff.class).published());
            assertThat(TopicProbe.eventIds(kafka.bootstrapServers(), Topics.DECISIONS, articleId))
                    .as("the article's decisions on Kafka").containsExactly(stored.id());
        }
    }

    /** The review service on the stoppable broker and a database of its own, its sign-off relay quick to retry. */
    private static ConfigurableApplicationContext reviewService(String database) {
        Map<String, Object> settings = Map.of("server.port", "0",
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "spring.cloud.stream.kafka.binder.brokers", kafka.bootstrapServers(),
                "spring.mongodb.uri", TestInfrastructure.endpoints().mongoUri(database),
                Endpoints.EMBEDDED_STORE_SETTING, TestInfrastructure.endpoints().embeddedStore(),
                "erratum.outbox.sign-offs.sweep-interval", "1s",
                "erratum.outbox.sign-offs.grace", "1s");
        return new SpringApplicationBuilder(ReviewApplication.class)
                .initializers(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("sign-off-restart", settings)))
                .run();
    }
}
