package org.erratum.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.testcontainers.DockerClientFactory;

/**
 * The one place that decides which real infrastructure the tests run on: Testcontainers where a Docker engine
 * answers, else the embedded broker and store. Started once per JVM and shared by every test in it. Set
 * {@code ERRATUM_TEST_INFRASTRUCTURE=embedded} (or {@code containers}) to force a choice.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    private static Endpoints endpoints;

    private TestInfrastructure() {
    }

    public static synchronized Endpoints endpoints() {
        if (endpoints == null) {
            endpoints = useContainers() ? ContainerInfrastructure.start() : startEmbedded();
            log.info("Test infrastructure: {}", endpoints);
        }
        return endpoints;
    }

    /** Whether the tests run on Testcontainers' MongoDB and Kafka (a Docker engine answers), not the embedded ones. */
    static boolean useContainers() {
        String choice = System.getenv().getOrDefault("ERRATUM_TEST_INFRASTRUCTURE", "auto");
        return switch (choice) {
            case "containers" -> true;
            case "embedded" -> false;
            default -> DockerClientFactory.instance().isDockerAvailable();
        };
    }

    private static Endpoints startEmbedded() {
        EmbeddedInfrastructure embedded = EmbeddedInfrastructure.startEphemeral();
        // stopped once the JVM's Spring contexts are closed, not beside them: their consumers leave their groups on
        // the way out, and with no broker left each waits out its close timeout (30 s) instead
        SpringApplication.getShutdownHandlers().add(embedded::close);
        return embedded.endpoints();
    }
}
