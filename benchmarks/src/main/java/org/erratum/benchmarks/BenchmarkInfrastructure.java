package org.erratum.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.erratum.events.ArticleChanged;
import org.erratum.testsupport.Endpoints;
import org.erratum.testsupport.TestInfrastructure;
import org.erratum.testsupport.TopicProbe;

/**
 * The benchmark's Kafka broker and store, in a JVM apart from the service's, as in production and the local run:
 * their garbage collection and threads then do not run inside the measured service's process, only on the same
 * two cores. Publishes the article the benchmark sends feedback about, prints
 * {@code INFRASTRUCTURE READY <kafka bootstrap servers> <mongo uri>} and runs until killed.
 *
 * <p>Argument: article id.
 */
public final class BenchmarkInfrastructure {

    private BenchmarkInfrastructure() {
    }

    public static void main(String[] args) throws InterruptedException {
        Endpoints infrastructure = TestInfrastructure.endpoints();
        TopicProbe.publish(article(args[0]));
        System.out.println("INFRASTRUCTURE READY " + infrastructure.kafkaBootstrapServers() + " "
                + infrastructure.mongoUri("erratum-feedback-bench"));
        new CountDownLatch(1).await();
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
