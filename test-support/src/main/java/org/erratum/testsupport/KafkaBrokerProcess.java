package org.erratum.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import static org.awaitility.Awaitility.await;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) in a JVM of its own, run from the Kafka jars on
 * this JVM's classpath. Unlike the in-process embedded broker it can be killed and started again on the same port
 * and the same data, so topics, records and consumer offsets survive: for tests of a broker outage.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    /** A cold broker JVM on a busy two-core machine needs about 20 s before it accepts clients. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");

    private final Path directory;
    private final int port;
    private Process process;

    private KafkaBrokerProcess(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /**
     * Formats fresh storage in {@code directory} (anything there before is deleted), starts the broker on a free
     * port and waits until it answers clients. Its log is {@code directory/broker.log}.
     */
    public static KafkaBrokerProcess startFresh(Path directory) {
        deleteRecursively(directory);
        int port = freePort();
        int controllerPort = freePort();
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("server.properties"),
                    serverProperties(port, controllerPort, directory.toAbsolutePath().resolve("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KafkaBrokerProcess broker = new KafkaBrokerProcess(directory, port);
        broker.format();
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker on its port and data, and waits until it answers clients. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        process = launch("kafka.Kafka", List.of(properties().toString()), true);
        try {
            await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(this::answers);
        } catch (RuntimeException e) {
            stop();
            throw new IllegalStateException("Kafka broker did not start; see " + log(), e);
        }
    }

    /** Kills the broker at once, as a crash or a pulled cable would: no controlled shutdown. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    public Path log() {
        return directory.resolve("broker.log");
    }

    private Path properties() {
        return directory.toAbsolutePath().resolve("server.properties");
    }

    private void format() {
        Process formatting = launch("kafka.tools.StorageTool",
                List.of("format", "--config", properties().toString(), "--cluster-id", Uuid.randomUuid().toString()),
                false);
        try {
            if (!formatting.waitFor(2, TimeUnit.MINUTES) || formatting.exitValue() != 0) {
                formatting.destroyForcibly();
                throw new IllegalStateException("Could not format Kafka storage; see " + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
    }

    private Process launch(String mainClass, List<String> arguments, boolean append) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(append ? ProcessBuilder.Redirect.appendTo(log().toFile())
                : ProcessBuilder.Redirect.to(log().toFile()));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + mainClass, e);
        }
    }

    private boolean answers() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("Kafka broker exited; see " + log());
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }

    /**
     * One node that is both broker and controller, with the replication settings a single node can meet, and the
     * partition count the services expect of the topics they create.
     */
    private static String serverProperties(int port, int controllerPort, Path data) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=" + EmbeddedInfrastructure.PARTITIONS,
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=" + EmbeddedInfrastructure.PARTITIONS,
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
