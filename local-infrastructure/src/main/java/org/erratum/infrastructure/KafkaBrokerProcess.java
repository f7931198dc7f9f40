package org.erratum.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker, the server the {@code apache/kafka} image runs ({@code kafka.Kafka}, KRaft, one node
 * that is both broker and controller), in a JVM of its own. Its storage is formatted once and kept in a directory,
 * so topics, records, committed consumer offsets and the cluster's metadata survive a stop, a kill and a restart:
 * the local run keeps it under {@code .erratum-data/kafka/}, and tests of a broker outage kill it and start it
 * again.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    /** A cold broker JVM on a busy two-core machine needs about 20 s before it accepts clients. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /** A controlled shutdown of one node takes seconds; after this it is killed, which its log survives too. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    /** As many partitions as the services' topics get (the binder's min-partition-count in erratum-platform.yml). */
    private static final int PARTITIONS = 3;

    /** Quicker to start, as the services are: at a development load the optimising compiler is not worth it. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Path directory;
    private final Path log;
    private final Binding binding;
    private final int port;
    private final List<String> jvmOptions;
    private Process process;

    private KafkaBrokerProcess(Path directory, Path log, Binding binding, int port, List<String> jvmOptions) {
        this.directory = directory.toAbsolutePath();
        this.log = log.toAbsolutePath();
        this.binding = binding;
        this.port = port;
        this.jvmOptions = jvmOptions;
    }

    /**
     * Starts the broker on the storage in {@code directory} (its {@code server.properties} and {@code data/}),
     * formatting it first if it has never been formatted, and waits until it answers clients.
     *
     * @param controllerPort the KRaft controller's port, always on loopback: only the broker itself talks to it
     * @param jvmOptions     more options for the broker's JVM
     */
    public static KafkaBrokerProcess start(Path directory, Path log, Binding binding, int port, int controllerPort,
            List<String> jvmOptions) {
        KafkaBrokerProcess broker = new KafkaBrokerProcess(directory, log, binding, port, jvmOptions);
        try {
            Files.createDirectories(broker.directory);
            Files.createDirectories(broker.log.getParent());
            Files.deleteIfExists(broker.log); // one run's log, as the services' are
            // written on every start, so changed ports apply; the storage keeps the cluster id and everything else
            Files.writeString(broker.properties(), serverProperties(binding, port, controllerPort, broker.data()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.exists(broker.data().resolve("meta.properties"))) {
            broker.format();
        }
        broker.start();
        return broker;
    }

    /**
     * A broker on fresh storage in {@code directory} (anything there before is deleted) and free loopback ports,
     * logging to {@code directory/broker.log}: for tests.
     */
    public static KafkaBrokerProcess startFresh(Path directory) {
        Directories.deleteRecursively(directory);
        return start(directory, directory.resolve("broker.log"), Binding.LOOPBACK, Binding.freePort(),
                Binding.freePort(), List.of());
    }

    public String bootstrapServers() {
        return binding.clientHost() + ":" + port;
    }

    /** Starts the broker on its port and storage, and waits until it answers clients. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        process = launch("kafka.Kafka", List.of(properties().toString()));
        try {
            if (!Polling.until(READY_TIMEOUT, this::answers)) {
                throw new IllegalStateException("Kafka broker did not answer within " + READY_TIMEOUT + "; see " + log);
            }
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
    }

    /** Stops the broker as an operator would: a controlled shutdown, then a kill if that takes too long. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        process = null;
    }

    /** Kills the broker at once, as a crash or a pulled cable would: no controlled shutdown. */
    public synchronized void kill() {
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
        return log;
    }

    private Path properties() {
        return directory.resolve("server.properties");
    }

    private Path data() {
        return directory.resolve("data");
    }

    private void format() {
        Process formatting = launch("kafka.tools.StorageTool",
                List.of("format", "--config", properties().toString(), "--cluster-id", Uuid.randomUuid().toString()));
        try {
            if (!formatting.waitFor(2, TimeUnit.MINUTES) || formatting.exitValue() != 0) {
                formatting.destroyForcibly();
                throw new IllegalStateException("Could not format Kafka storage in " + data() + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
    }

    private Process launch(String mainClass, List<String> arguments) {
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        options.addAll(jvmOptions);
        ProcessBuilder builder = new ProcessBuilder(JavaCommand.of(options, mainClass, arguments))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + mainClass, e);
        }
    }

    private boolean answers() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("Kafka broker exited; see " + log);
        }
        if (!listens()) {
            return false; // an admin client would only warn about it, again and again
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }

    private boolean listens() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(binding.clientHost(), port), 1000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /**
     * One node that is both broker and controller, with the replication settings a single node can meet, and the
     * partition count the services expect of the topics they create. Clients are told to come back to the address
     * they can reach from this machine.
     */
    private static String serverProperties(Binding binding, int port, int controllerPort, Path data) {
        String controller = Binding.LOOPBACK.listenHost() + ":" + controllerPort;
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + controller,
                "listeners=PLAINTEXT://" + binding.listenHost() + ":" + port + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://" + binding.clientHost() + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=" + PARTITIONS,
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=" + PARTITIONS,
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
    }
}
