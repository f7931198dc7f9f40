package org.erratum.benchmarks;

import org.erratum.feedback.FeedbackServiceApplication;
import org.erratum.testsupport.Endpoints;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The feedback service as it runs in production (durable intake, Kafka, Mongo), pointed at the infrastructure
 * {@link BenchmarkInfrastructure} runs, with the benchmark's baseline and floor endpoints added and the per-client
 * rate limits raised so the load generator, one client, is not throttled. Prints "BENCHMARK SERVER READY" when it takes traffic.
 *
 * <p>Arguments: port, Kafka bootstrap servers, MongoDB URI, and optionally whether that is the embedded store
 * (default true).
 */
public final class BenchmarkServer {

    private BenchmarkServer() {
    }

    public static void main(String[] args) {
        // as command-line arguments, so they win over the service's application.yml
        new SpringApplicationBuilder(FeedbackServiceApplication.class, BaselineEndpoints.class,
                KafkaFloorEndpoint.class).run(
                "--server.port=" + args[0],
                "--spring.kafka.bootstrap-servers=" + args[1],
                "--spring.mongodb.uri=" + args[2],
                // BenchmarkInfrastructure's store: the embedded one, unless a Docker engine answered (then "false")
                "--" + Endpoints.EMBEDDED_STORE_SETTING + "=" + (args.length > 3 ? args[3] : "true"),
                "--logging.level.root=WARN",
                "--erratum.feedback.intake.rate-limits.votes.capacity=100000000",
                "--erratum.feedback.intake.rate-limits.reports.capacity=100000000");
        System.out.println("BENCHMARK SERVER READY");
    }
}
