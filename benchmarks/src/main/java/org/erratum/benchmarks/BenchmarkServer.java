package org.erratum.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.erratum.events.ArticleChanged;
import org.erratum.feedback.FeedbackServiceApplication;
import org.erratum.testsupport.Endpoints;
import org.erratum.testsupport.TestInfrastructure;
import org.erratum.testsupport.TopicProbe;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The feedback service as it runs in production (durable intake, Kafka, Mongo), on the embedded infrastructure,
 * with the benchmark's baseline endpoints added and the per-client rate limits raised so the load generator, one
 * client, is not throttled. Prints "BENCHMARK SERVER READY" when it takes traffic.
 *
 * <p>Arguments: port, article id.
 */
public final class BenchmarkServer {

    private BenchmarkServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        String articleId = args[1];
        Endpoints infrastructure = TestInfrastructure.endpoints();
        TopicProbe.publish(article(articleId));
        // as command-line arguments, so they win over the service's application.yml
        new SpringApplicationBuilder(FeedbackServiceApplication.class, BaselineEndpoints.class).run(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + infrastructure.mongoUri("erratum-feedback-bench"),
                "--logging.level.root=WARN",
                "--erratum.feedback.intake.rate-limits.votes.capacity=100000000",
                "--erratum.feedback.intake.rate-limits.reports.capacity=100000000");
        System.out.println("BENCHMARK SERVER READY");
    }

    private static ArticleChanged article(String articleId) {
        Instant now = Instant.now();
        return new ArticleChanged(UUID.randomUUID(), now, articleId, 1, ArticleChanged.Change.CREATED,
                "benchmark-article", "Benchmark article", "An article to send feedback about.",
                List.of(new ArticleChanged.Section("Only section", "Some text a reader could quote.")), List.of(),
                List.of("Benchmark"), 1,
                new ArticleChanged.RevisionNote(1, "First published", ArticleChanged.Significance.MAJOR, now), null,
                now, now, null, LocalDate.now().plusYears(2), 24);
    }
}
