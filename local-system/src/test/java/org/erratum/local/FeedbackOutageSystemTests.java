package org.erratum.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.erratum.infrastructure.KafkaBrokerProcess;
import org.erratum.infrastructure.Binding;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.erratum.events.Topics;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TestInfrastructure;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Kafka goes down while readers keep giving feedback. The feedback service keeps accepting it into its outbox, and
 * once the broker is back every accepted item arrives downstream exactly once in effect: each report joins the
 * article's review item once, and each vote's event is on {@code feedback.votes}.
 */
class FeedbackOutageSystemTests {

    private static final Duration WAIT = Duration.ofMinutes(3);

    /** Enough items to fill several relay batches' worth of partitions, few enough to stay quick. */
    private static final int VOTES = 40;
    private static final int REPORTS = 25;

    private static KafkaBrokerProcess kafka;
    private static ErratumServices services;
    private static TestClient editor;
    private static TestClient reader;
    private static TestClient reviewer;

    @BeforeAll
    static void startTheSystemOnABrokerThatCanFail() {
        kafka = KafkaBrokerProcess.startFresh(Path.of("target/outage-kafka"));
        var infrastructure = new ErratumServices.Infrastructure(kafka.bootstrapServers(),
                TestInfrastructure.endpoints().mongoServer(), TestInfrastructure.endpoints().embeddedStore());
        var ports = new ErratumServices.Ports(Binding.freePort(), Binding.freePort(), Binding.freePort());
        // one test client sends all the feedback, far more than a reader's rate limit allows
        services = ErratumServices.start(infrastructure, Path.of("target/services"), ports,
                "-" + java.util.UUID.randomUUID(), Path.of("target/outage-logs"), Map.of(
                        "erratum.feedback.intake.rate-limits.votes.capacity", "1000",
                        "erratum.feedback.intake.rate-limits.reports.capacity", "1000"));
        editor = TestClient.at(services.content().baseUrl()).as("editor", "editor-dev-password");
        reader = TestClient.at(services.feedback().baseUrl());
        reviewer = TestClient.at(services.review().baseUrl()).as("reviewer", "reviewer-dev-password");
    }

    @AfterAll
    static void stopTheSystem() {
        if (services != null) {
            services.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void feedbackAcceptedWhileKafkaIsDownArrivesDownstreamExactlyOnce() {
        String articleId = publishArticle();
        Set<String> voteIds = new HashSet<>();
        // the feedback service learns of the article from content.articles while the broker is still up
        Response firstVote = await().atMost(WAIT).until(() -> reader.post("/api/feedback/votes",
                Map.of("articleId", articleId, "revision", 1, "helpful", true)), r -> r.status() == 202);
        voteIds.add(firstVote.json().get("id").asString());

        kafka.kill();
        List<String> reportIds = new ArrayList<>();
        for (int i = 0; i < VOTES; i++) {
            voteIds.add(accepted(reader.post("/api/feedback/votes", Map.of("articleId", articleId, "revision", 1,
                    "helpful", i % 3 != 0))));
        }
        for (int i = 0; i < REPORTS; i++) {
            reportIds.add(accepted(reader.post("/api/feedback/reports", Map.of("articleId", articleId,
                    "revision", 1, "category", i % 2 == 0 ? "OUT_OF_DATE" : "INACCURATE",
                    "comment", "Reader " + i + " says the advice on fluids differs from the current guidance."))));
        }
        assertThat(voteIds).hasSize(VOTES + 1);
        assertThat(reportIds).doesNotHaveDuplicates().hasSize(REPORTS);
        kafka.start();

        JsonNode item = await().atMost(WAIT).until(() -> ReviewItems.forArticle(reviewer, articleId),
                found -> found != null && found.get("reportCount").asInt() >= REPORTS);
        assertThat(item.get("reportCount").asInt()).isEqualTo(REPORTS);
        // the item shows its latest reports (erratum.review.queue.report-sample, 20), each once; the count is of all
        assertThat(item.get("reports")).extracting(r -> r.get("eventId").asString())
                .doesNotHaveDuplicates().hasSize(Math.min(REPORTS, 20)).isSubsetOf(reportIds);
        assertThat(await().atMost(WAIT).until(
                () -> TopicProbe.eventIds(kafka.bootstrapServers(), Topics.VOTES, articleId),
                ids -> ids.containsAll(voteIds))).containsExactlyInAnyOrderElementsOf(voteIds);
    }

    private static String publishArticle() {
        JsonNode created = editor.post("/api/articles", Map.of(
                "slug", "dehydration-in-adults-" + UUID.randomUUID(),
                "title", "Dehydration in adults",
                "summary", "How to spot dehydration and how much to drink to recover.",
                "sections", List.of(Map.of("heading", "What to drink",
                        "body", "Sip water or oral rehydration solution often, in small amounts.")),
                "references", List.of(Map.of("citation", "Erratum editorial team. Fluids and dehydration.")),
                "authors", List.of("Erratum editorial team"))).json();
        return created.get("id").asString();
    }

    private static String accepted(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return response.json().get("id").asString();
    }
}
