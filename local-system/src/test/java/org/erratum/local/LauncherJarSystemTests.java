package org.erratum.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/** The launcher's executable jar carries what it runs, and none of the test kits its tests use. */
class LauncherJarSystemTests {

    @Test
    void theLaunchersJarHoldsTheBrokerAndTheStoreButNoTestLibraries() throws IOException {
        List<String> libraries;
        try (JarFile jar = new JarFile(System.getProperty("erratum.launcher-jar"))) {
            libraries = jar.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
                    .map(name -> name.substring("BOOT-INF/lib/".length())).toList();
        }

        assertThat(libraries).anyMatch(name -> name.startsWith("kafka_2.13-"))
                .anyMatch(name -> name.startsWith("mongo-java-server-h2-backend-"));
        assertThat(libraries).noneMatch(name -> name.matches(
                "(junit|testcontainers|assertj|mockito|awaitility|spring-kafka-test|spring-test|spring-boot-test"
                        + "|selenium|archunit|test-support|kafka-.*-test).*"))
                .as("the services run from target/services, not from inside the launcher")
                .noneMatch(name -> name.matches("(content|feedback|review)-service.*"));
    }
}
