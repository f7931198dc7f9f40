package org.erratum.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.erratum.infrastructure.JavaCommand;
import org.erratum.infrastructure.Directories;
import org.erratum.infrastructure.Binding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.erratum.events.Topics;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The local system as a user runs it ({@code java -jar} the launcher's executable jar, on one data directory),
 * stopped and started again, then killed with -9 and started again: every report it accepted reaches the review
 * queue exactly once, including those accepted while review-service was down, which were in Kafka only when the
 * system stopped.
 */
class LocalSystemRestartSystemTests {

    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration WAIT = Duration.ofMinutes(2);

    private static final Path WORK = Path.of("target/restart-system");
    private static final Path DATA = WORK.resolve("data");

    /** Free ports for the broker, its controller, the store and the three services, the same for every run. */
    private static final List<Integer> PORTS = Stream.generate(Binding::freePort).distinct().limit(7).toList();

    /** Everything any run started, so that a failing test leaves nothing running. */
    private static final List<ProcessHandle> started = new ArrayList<>();

    private final List<String> accepted = new ArrayList<>();

    @AfterAll
    static void stopWhateverIsLeft() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void everyAcceptedReportReachesTheQueueOnceAcrossAStopAndAKill() {
        Directories.deleteRecursively(WORK);
        Launcher first = Launcher.start(1);
        String articleId = publishArticle();
        report(articleId);
        await().atMost(WAIT).until(() -> reportCount(articleId) == 1);

        // review-service crashes; readers keep reporting, and the reports are relayed to Kafka
        ProcessHandle review = first.service("review-service");
        review.destroyForcibly();
        await().atMost(WAIT).until(() -> !review.isAlive());
        for (int i = 0; i < 3; i++) {
            report(articleId);
        }
        await().atMost(WAIT).until(() -> TopicProbe.eventIds(kafka(), Topics.REPORTS, articleId)
                .containsAll(accepted));
        first.stop();

        Launcher second = Launcher.start(2);
        assertTheQueueHoldsEveryAcceptedReportOnce(articleId);

        // more reports, and the launcher is killed straight after the last one was accepted
        for (int i = 0; i < 3; i++) {
            report(articleId);
        }
        List<ProcessHandle> children = second.kill();
        assertThat(children).as("the broker, the three services and the watchdog").hasSize(5);
        await("the killed launcher's processes stop").atMost(WAIT)
                .until(() -> children.stream().noneMatch(ProcessHandle::isAlive));

        // the same ports and data directory: nothing of the killed run is in the way
        Launcher third = Launcher.start(3);
        assertTheQueueHoldsEveryAcceptedReportOnce(articleId);
        third.stop();
    }

    private void assertTheQueueHoldsEveryAcceptedReportOnce(String articleId) {
        await("all " + accepted.size() + " accepted reports in the queue").atMost(WAIT)
                .until(() -> reportCount(articleId) >= accepted.size());
        JsonNode item = ReviewItems.forArticle(reviewer(), articleId);
        assertThat(item.get("reportCount").asInt()).isEqualTo(accepted.size());
        assertThat(item.get("reports")).extracting(r -> r.get("eventId").asString())
                .containsExactlyInAnyOrderElementsOf(accepted);
    }

    private static String publishArticle() {
        TestClient editor = TestClient.at(url(content())).as("editor", "editor-dev-password");
        Response created = editor.post("/api/articles", Map.of(
                "slug", "heat-exhaustion-" + UUID.randomUUID(),
                "title", "Heat exhaustion and heatstroke",
                "summary", "How to cool someone down, and when it is an emergency.",
                "sections", List.of(Map.of("heading", "Cool them down",
                        "body", "Move them somewhere cool and give them plenty of water to drink.")),
                "references", List.of(Map.of("citation", "Erratum editorial team. Heat and health.")),
                "authors", List.of("Erratum editorial team")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String articleId = created.json().get("id").asString();
        // the feedback service learns of the article from content.articles
        await().atMost(WAIT).until(() -> reader()
                .get("/api/feedback/articles/" + articleId + "/revisions/1/helpfulness").status() == 200);
        return articleId;
    }

    private void report(String articleId) {
        Response response = reader().post("/api/feedback/reports", Map.of("articleId", articleId, "revision", 1,
                "category", "OUT_OF_DATE", "comment", "Reader " + (accepted.size() + 1)
                        + " says the advice on fluids is older than the current guidance."));
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        accepted.add(response.json().get("id").asString());
    }

    private static int reportCount(String articleId) {
        JsonNode item = ReviewItems.forArticle(reviewer(), articleId);
        return item == null ? 0 : item.get("reportCount").asInt();
    }

    private static TestClient reviewer() {
        return TestClient.at(url(PORTS.get(5))).as("reviewer", "reviewer-dev-password");
    }

    private static TestClient reader() {
        return TestClient.at(url(PORTS.get(4)));
    }

    private static int content() {
        return PORTS.get(3);
    }

    private static String kafka() {
        return "127.0.0.1:" + PORTS.get(0);
    }

    private static String url(int port) {
        return "http://localhost:" + port;
    }

    /** {@code java -jar local-system-...-exec.jar} with the data directory and ports of this test. */
    private static final class Launcher {

        private final Process process;
        private final Path console;

        private Launcher(Process process, Path console) {
            this.process = process;
            this.console = console;
        }

        static Launcher start(int run) {
            Path console = WORK.resolve("launcher-" + run + ".log");
            List<String> command = new ArrayList<>(List.of(JavaCommand.java(),
                    "-Derratum.data=" + DATA, "-Derratum.services=target/services",
                    "-Derratum.port.kafka=" + PORTS.get(0), "-Derratum.port.kafka-controller=" + PORTS.get(1),
                    "-Derratum.port.mongo=" + PORTS.get(2), "-Derratum.port.content=" + PORTS.get(3),
                    "-Derratum.port.feedback=" + PORTS.get(4), "-Derratum.port.review=" + PORTS.get(5),
                    "-Derratum.port.mail=" + PORTS.get(6),
                    "-jar", System.getProperty("erratum.launcher-jar")));
            try {
                Files.createDirectories(WORK);
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(console.toFile()).start();
                started.add(process.toHandle());
                Launcher launcher = new Launcher(process, console);
                await().atMost(START).until(launcher::isRunning);
                started.addAll(launcher.children());
                return launcher;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The launcher says so once the broker, the store and every service are ready. */
        private boolean isRunning() throws IOException {
            if (!process.isAlive()) {
                throw new IllegalStateException("The launcher exited with " + process.exitValue() + ":\n"
                        + Files.readString(console));
            }
            return Files.readString(console).contains("Erratum is running");
        }

        ProcessHandle service(String name) {
            return children().stream().filter(child -> child.info().arguments().map(Arrays::asList)
                    .orElse(List.of()).stream().anyMatch(argument -> argument.endsWith(name + ".jar")))
                    .findFirst().orElseThrow();
        }

        List<ProcessHandle> children() {
            return process.children().toList();
        }

        /** As an operator stops it (SIGTERM): its shutdown hook stops everything it started. */
        void stop() {
            process.destroy();
            await().atMost(WAIT).until(() -> !process.isAlive());
        }

        /** As kill -9 does. @return the processes it had started */
        List<ProcessHandle> kill() {
            List<ProcessHandle> children = children();
            process.destroyForcibly();
            return children;
        }
    }
}
