package org.erratum.local.browser;

import org.erratum.infrastructure.Binding;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.erratum.local.ErratumServices;
import org.erratum.local.ServiceProcess;
import org.erratum.local.SharedInfrastructure;
import org.erratum.testsupport.TestClient;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * The three packaged services, started once for all browser test classes and stopped when the test run ends:
 * starting them takes most of a minute on a small machine. Each test publishes its own article, so tests never
 * see each other's feedback.
 */
final class RunningSystem implements ParameterResolver, AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private ErratumServices services;

    ErratumServices services() {
        return services;
    }

    TestClient editor() {
        return TestClient.at(services.content().baseUrl()).as("editor", "editor-dev-password");
    }

    TestClient feedbackApi() {
        return TestClient.at(services.feedback().baseUrl());
    }

    /** The editorial readouts of the feedback service. */
    TestClient feedbackEditor() {
        return feedbackApi().as("editor", "editor-dev-password");
    }

    TestClient reviewer() {
        return TestClient.at(services.review().baseUrl()).as("reviewer", "reviewer-dev-password");
    }

    TestClient senior() {
        return TestClient.at(services.review().baseUrl()).as("senior", "senior-dev-password");
    }

    String articlePage(String slug) {
        return contentUrl("/articles/" + slug);
    }

    /** A page of content-service: the article pages and the editor's screens. */
    String contentUrl(String path) {
        return services.content().baseUrl() + path;
    }

    /** A page of review-service's console. */
    String consoleUrl(String path) {
        return services.review().baseUrl() + path;
    }

    /** Publishes an article and waits until the feedback service accepts feedback on it. */
    PublishedArticle publish(String title, String sectionBody) {
        JsonNode created = editor().post("/api/articles", Map.of(
                "slug", "browser-" + System.nanoTime(),
                "title", title,
                "summary", "What to do at home, and when to get help.",
                "sections", List.of(Map.of("heading", "What to do", "body", sectionBody),
                        Map.of("heading", "When to get help", "body", "Speak to a pharmacist if it has not "
                                + "improved after a week.")),
                "references", List.of(Map.of("citation", "Erratum editorial team. House guidance for test pages.",
                        "url", "https://example.org/guidance")),
                "authors", List.of("Erratum editorial team"))).json();
        PublishedArticle article = new PublishedArticle(created.get("id").asString(), created.get("slug").asString());
        await().atMost(WAIT).until(() -> feedbackApi().get(article.helpfulnessPath()).status() == 200);
        return article;
    }

    record PublishedArticle(String id, String slug) {

        String helpfulnessPath() {
            return "/api/feedback/articles/" + id + "/revisions/1/helpfulness";
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningSystem.class;
    }

    @Override
    public RunningSystem resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Chromium.requireInstalled(); // before minutes of start-up that a skipped test would not use
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(RunningSystem.class, type -> startSystem(), RunningSystem.class);
    }

    private static RunningSystem startSystem() {
        RunningSystem system = new RunningSystem();
        var ports = new ErratumServices.Ports(Binding.freePort(), Binding.freePort(),
                Binding.freePort());
        system.services = ErratumServices.start(SharedInfrastructure.get(), Path.of("target/services"), ports,
                "-" + java.util.UUID.randomUUID(), Path.of("target/system-logs/browser"), Map.of(
                        // the article page calls the feedback JSON API from its own origin
                        "erratum.feedback.allowed-origins", "http://localhost:" + ports.content(),
                        // every browser here is one client on 127.0.0.1; real readers each have their own allowance
                        "erratum.feedback.intake.rate-limits.reports.capacity", "100",
                        "erratum.feedback.intake.rate-limits.votes.capacity", "100"));
        return system;
    }

    /** Closed by JUnit with the root store, when the whole run is over. */
    @Override
    public void close() {
        if (services != null) {
            services.close();
        }
    }
}
