package org.erratum.local;

import org.erratum.infrastructure.Polling;
import org.erratum.infrastructure.JavaCommand;
import org.erratum.infrastructure.Binding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Erratum service running as its own JVM, as it would in production: its executable jar, its own port and
 * database, its log in a file.
 */
public final class ServiceProcess {

    /**
     * Faster start-up for development (the services spend their first seconds in the JIT otherwise), and the heap
     * each service is meant to run in (issue 14: at most 256 MiB each); an option given with {@code jvmOptions}
     * comes later and wins.
     */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-Xmx256m");

    private final String name;
    private final String baseUrl;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, String baseUrl, Process process, Path log) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.process = process;
        this.log = log;
    }

    /**
     * @param jar        the service's executable jar
     * @param binding    the address it listens on ({@code server.address})
     * @param properties Spring properties passed as command-line arguments
     * @param jvmOptions more options for its JVM
     */
    public static ServiceProcess start(String name, Path jar, Binding binding, int port,
            Map<String, String> properties, Path logDirectory, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(JavaCommand.java());
        command.addAll(JVM_OPTIONS);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.add("--server.address=" + binding.listenHost());
        command.add("--server.port=" + port);
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(logDirectory);
            Path log = logDirectory.resolve(name + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new ServiceProcess(name, "http://" + binding.urlHost() + ":" + port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Path log() {
        return log;
    }

    /** Waits until the service says it is ready for traffic (Kafka bindings started, database answering). */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        if (!Polling.until(timeout, () -> isReady(http, readiness))) {
            throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
        }
    }

    private boolean isReady(HttpClient http, HttpRequest readiness) {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
        }
        try {
            return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
    }

    /** Asks the service to shut down gracefully, and insists after a while. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
