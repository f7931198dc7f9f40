package org.erratum.local;

import org.erratum.infrastructure.MongoWireStore;
import org.erratum.infrastructure.KafkaBrokerProcess;
import org.erratum.infrastructure.Binding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

/**
 * Runs the whole system on one machine without Docker: Kafka's own broker (KRaft) on 9092, the Mongo-wire store on
 * 27017, an SMTP server on 3025 that writes every mail it receives to {@code .erratum-data/mail/}, and the three
 * services on 8081–8083, all on loopback unless {@code erratum.bind-address} says otherwise, and everything kept in
 * {@code .erratum-data/} (see {@link LocalSettings}). Ctrl-C stops everything.
 */
public final class LocalSystem {

    /** Referenced for as long as the launcher runs: the pipe to the watchdog would close with it. */
    private static Process watchdog;

    private LocalSystem() {
    }

    public static void main(String[] args) throws InterruptedException {
        try {
            run(LocalSettings.fromSystemProperties());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a bad setting, a taken port, a second launcher, a service that would not start: each says what to do
            System.err.println("Erratum did not start: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(LocalSettings settings) throws InterruptedException {
        Path data = settings.data();
        if (!Files.isRegularFile(settings.services().resolve("content-service.jar"))) {
            throw new IllegalStateException("No service jars in " + settings.services().toAbsolutePath()
                    + ": build first with ./mvnw -DskipTests package");
        }
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // what runs, latest first: stopped in that order, by Ctrl-C even while the rest is still starting
        Deque<AutoCloseable> running = new ConcurrentLinkedDeque<>();
        running.push(RunLock.acquire(data));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Erratum ...");
            stop(running);
            stopped.countDown();
        }, "erratum-shutdown"));
        int leftovers = Orphans.stop(data, Instant.now());
        if (leftovers > 0) {
            System.out.println("Stopped " + leftovers + " processes left running by an earlier run that was killed.");
        }
        watchdog = Orphans.startWatchdog(data);
        ErratumServices services;
        try {
            services = start(settings, running);
        } catch (RuntimeException e) {
            stop(running);
            throw e;
        }
        printWelcome(settings, services);
        stopped.await();
    }

    private static ErratumServices start(LocalSettings settings, Deque<AutoCloseable> running) {
        Path data = settings.data();
        Binding binding = settings.binding();
        requireFree(settings);
        List<String> marked = List.of(Orphans.marker(data));
        System.out.println("Starting the Mongo-wire store on " + binding.clientHost() + ":" + settings.mongoPort()
                + " and Kafka (KRaft) on " + binding.clientHost() + ":" + settings.kafkaPort() + " (data in "
                + data.toAbsolutePath() + ") ...");
        MongoWireStore store = MongoWireStore.start(data.resolve("mongo.mv"), binding, settings.mongoPort());
        running.push(store);
        KafkaBrokerProcess kafka = KafkaBrokerProcess.start(data.resolve("kafka"), data.resolve("logs/kafka.log"),
                binding, settings.kafkaPort(), settings.kafkaControllerPort(), marked);
        running.push(kafka);
        LocalMail mail = LocalMail.start(settings.mailPort(), data.resolve("mail"));
        running.push(mail);
        System.out.println("Starting the services (logs in " + data.resolve("logs").toAbsolutePath() + ") ...");
        ErratumServices services = ErratumServices.start(
                new ErratumServices.Infrastructure(kafka.bootstrapServers(), store.uri(), true), settings.services(),
                binding, settings.ports(), "", data.resolve("logs"), Map.of("spring.mail.host", Binding.LOOPBACK.clientHost(),
                        "spring.mail.port", Integer.toString(mail.port())), marked);
        running.push(services);
        return services;
    }

    /** Called by the shutdown hook, and by a start that failed: each takes what the other has not. */
    private static void stop(Deque<AutoCloseable> running) {
        for (AutoCloseable next = running.poll(); next != null; next = running.poll()) {
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("Could not stop cleanly: " + e);
            }
        }
    }

    /** Says which port is taken before anything starts, rather than a service failing to start minutes later. */
    private static void requireFree(LocalSettings settings) {
        IntStream.of(settings.allPorts()).forEach(port -> {
                    String host = settings.listenHost(port);
                    try (ServerSocket socket = new ServerSocket()) {
                        socket.bind(new InetSocketAddress(host, port));
                    } catch (IOException e) {
                        throw new IllegalStateException("Port " + port + " on " + host + " is in use (set "
                                + "erratum.port.* to use others): " + e.getMessage(), e);
                    }
                });
    }

    private static void printWelcome(LocalSettings settings, ErratumServices services) {
        System.out.println("""

                Erratum is running. Ctrl-C stops it.

                  Sample article page   %1$s/articles/paracetamol-for-adults
                  Rich sample article   %1$s/articles/low-back-pain   (treatment groups, a callout, citations)
                  Editor                %1$s/editor   (editor / editor-dev-password)
                  Articles (JSON)       %1$s/api/articles
                  Feedback API          %2$s/api/feedback
                  Editorial insight     %2$s/editorial   (editor / editor-dev-password)
                  Reviewer console      %3$s/console   (reviewer / reviewer-dev-password, senior / senior-dev-password)
                  Review queue API      %3$s/api/review/items
                  Metrics               %1$s/actuator/prometheus  (and on the other two)
                  Kafka, MongoDB        %4$s:%5$d, mongodb://%4$s:%6$d
                  Mail sent             %7$s   (to readers and article owners; SMTP on 127.0.0.1:%8$d; one .eml file per message)
                %9$s
                """.formatted(services.content().baseUrl(), services.feedback().baseUrl(),
                services.review().baseUrl(), settings.binding().clientHost(), settings.kafkaPort(),
                settings.mongoPort(), settings.data().resolve("mail").toAbsolutePath(), settings.mailPort(),
                settings.binding().address().isLoopbackAddress() ? ""
                        : "\n  Listening on " + settings.binding().listenHost()
                                + ", not only this machine: the development accounts' passwords are public.\n"));
    }
}
