package org.erratum.review.signoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.erratum.events.Topics;
import org.erratum.review.Fixtures;
import org.erratum.review.article.KnownArticles;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.InfrastructureInitializer;
import org.erratum.infrastructure.KafkaBrokerProcess;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Kafka goes down and senior reviewers sign off. A stored sign-off stands: the API answers 202 with it not yet
 * published, a retry answers the same and stores nothing more, the console says what the API says, and the relay
 * announces every one once the broker is back.
 * <p>
 * Not an {@code @IntegrationTest}: this one runs on a broker of its own, which it stops, so it has a context of its
 * own (closed after the class) and leaves the shared broker of the other tests alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "erratum.outbox.sign-offs.sweep-interval=1s", "erratum.outbox.sign-offs.grace=1s"})
@ContextConfiguration(initializers = SignOffOutageIntegrationTests.OwnBroker.class)
@DirtiesContext
class SignOffOutageIntegrationTests {

    private static final Duration WAIT = Duration.ofMinutes(2);

    private static KafkaBrokerProcess broker;

    /** The shared store, and a broker this class may stop; stopped itself when the test JVM ends. */
    static class OwnBroker implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            new InfrastructureInitializer().initialize(context);
            broker = KafkaBrokerProcess.startFresh(Path.of("target/sign-off-outage-kafka"));
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "sign-off-outage-broker"));
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("own-broker",
                    Map.of("spring.kafka.bootstrap-servers", broker.bootstrapServers(),
                            "spring.cloud.stream.kafka.binder.brokers", broker.bootstrapServers())));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KnownArticles articles;

    @Test
    void aSignOffMadeWhileKafkaIsDownIsStoredOnceAnsweredAlikeAndAnnouncedWhenKafkaIsBack() {
        String articleId = Fixtures.newArticleId();
        articles.apply(Fixtures.article(articleId, 1, 1));
        TestClient senior = TestClient.onPort(port).as("senior", "senior-dev-password")
                .withHeader("Idempotency-Key", UUID.randomUUID().toString());
        TestClient console = TestClient.onPort(port).signedIn("senior", "senior-dev-password");
        String signOff = "/api/review/articles/" + articleId + "/sign-off";
        String page = "/console/articles/" + articleId + "/sign-off";

        var beforeTheOutage = TestClient.onPort(port).as("senior", "senior-dev-password")
                .withHeader("Idempotency-Key", UUID.randomUUID().toString()).post(signOff, Map.of("revision", 1, "reviewedWholeArticle", true));
        assertThat(beforeTheOutage.json().get("published").asBoolean()).as(beforeTheOutage.toString()).isTrue();

        broker.stop();
        var first = senior.post(signOff, Map.of("revision", 1, "reviewedWholeArticle", true));
        var retry = senior.post(signOff, Map.of("revision", 1, "reviewedWholeArticle", true));
        Map<String, String> form = console.formOf(page, Map.of("revision", "1", "reviewedWholeArticle", "true"));
        List<String> consoleSays = List.of(consoleAnswer(console, page, form), consoleAnswer(console, page, form));

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(first.json().get("published").asBoolean()).isFalse();
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json()).isEqualTo(first.json());
        for (String answer : consoleSays) {
            assertThat(answer).contains("You signed off revision 1 as clinically reviewed.")
                    .contains("It is saved, but the other services could not be told yet")
                    .doesNotContain("role=\"alert\"");
        }
        assertThat(signOffsOf(articleId)).as("one before the outage, one from the API, one from the console")
                .hasSize(3).filteredOn(SignOff::published).hasSize(1);

        broker.start();
        String apiSignOff = first.json().get("id").asString();
        var announced = TopicProbe.awaitRecord(broker.bootstrapServers(), Topics.DECISIONS,
                record -> apiSignOff.equals(TopicProbe.header(record, "ce_id")));
        assertThat(announced.key()).isEqualTo(articleId);
        await().atMost(WAIT).until(() -> signOffsOf(articleId).stream().allMatch(SignOff::published));
        var later = senior.post(signOff, Map.of("revision", 1, "reviewedWholeArticle", true));

        assertThat(later.status()).isEqualTo(202);
        assertThat(later.json().get("id").asString()).isEqualTo(apiSignOff);
        assertThat(later.json().get("published").asBoolean()).isTrue();
        assertThat(signOffsOf(articleId)).hasSize(3);
    }

    /** Sends the console's form and returns the page its answer leads to. */
    private static String consoleAnswer(TestClient console, String page, Map<String, String> form) {
        Response answer = console.postForm(page, form);
        assertThat(answer.status()).isEqualTo(302);
        return console.follow(answer).body();
    }

    private List<SignOff> signOffsOf(String articleId) {
        return mongo.find(Query.query(Criteria.where("articleId").is(articleId)), SignOff.class);
    }
}
