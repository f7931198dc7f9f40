package org.erratum.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.erratum.infrastructure.Binding;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * The whole loop across the three packaged services on one shared broker and store: an article is published,
 * a reader votes and reports a safety problem, a reviewer works the item, a senior reviewer signs the article
 * off, and the article's dates move. One trace follows the reader's report from the request to the review item,
 * and the sign-off from the senior reviewer's request to the article. The services send mail to the local run's
 * SMTP server, which writes it to a folder as the launcher's does.
 */
class ClosedLoopSystemTests {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path mailFolder;

    private static LocalMail mail;
    private static ErratumServices services;
    private static TestClient editor;
    private static TestClient reader;
    private static TestClient reviewer;
    private static TestClient senior;

    @BeforeAll
    static void startTheSystem() {
        var ports = new ErratumServices.Ports(Binding.freePort(), Binding.freePort(), Binding.freePort());
        mail = LocalMail.start(Binding.freePort(), mailFolder);
        // the acknowledgement goes within seconds even without word from the review queue
        services = ErratumServices.start(SharedInfrastructure.get(), Path.of("target/services"), ports,
                "-" + java.util.UUID.randomUUID(), Path.of("target/system-logs/closed-loop"), Map.of(
                        "spring.mail.host", "127.0.0.1", "spring.mail.port", Integer.toString(mail.port()),
                        "erratum.feedback.mail.acknowledgement-fallback", "2s",
                        "erratum.feedback.mail.poll-interval", "1s"));
        editor = TestClient.at(services.content().baseUrl()).as("editor", "editor-dev-password");
        reader = TestClient.at(services.feedback().baseUrl());
        reviewer = TestClient.at(services.review().baseUrl()).as("reviewer", "reviewer-dev-password");
        senior = TestClient.at(services.review().baseUrl()).as("senior", "senior-dev-password");
    }

    @AfterAll
    static void stopTheSystem() {
        if (services != null) {
            services.close();
        }
        if (mail != null) {
            mail.close();
        }
    }

    @Test
    void readerFeedbackBecomesASignedOffCorrection() {
        JsonNode created = editor.post("/api/articles", Map.of(
                "slug", "ear-infections-in-children-" + System.nanoTime(),
                "title", "Ear infections in children",
                "summary", "Most ear infections clear up on their own within a few days.",
                "sections", List.of(Map.of("heading", "Pain relief",
                        "body", "Give the dose of children's paracetamol printed on the bottle for their age.")),
                "references", List.of(Map.of("citation", "NICE. Otitis media (acute): antimicrobial prescribing.")),
                "authors", List.of("Erratum editorial team"))).json();
        String id = created.get("id").asString();
        Instant publishedAt = Instant.parse(created.get("publishedAt").asString());
        assertThat(created.get("lastReviewedAt").isNull()).isTrue();

        // the feedback service learns of the article from content.articles
        awaitKnownToFeedback(id);
        Response vote = reader.post("/api/feedback/votes", Map.of("articleId", id, "revision", 1, "helpful", true));
        assertThat(vote.status()).as(vote.toString()).isEqualTo(202);
        String readersTrace = hex(32);
        Response report = reader.withHeader("traceparent", traceparent(readersTrace)).post("/api/feedback/reports",
                Map.of("articleId", id, "revision", 1, "category", "SAFETY_CONCERN",
                        "passage", "Give the dose of children's paracetamol",
                        "comment", "It should say to check the age band and the maximum number of doses a day."));
        assertThat(report.status()).as(report.toString()).isEqualTo(202);

        JsonNode item = await().atMost(WAIT)
                .until(() -> ReviewItems.forArticle(reviewer, id), found -> found != null);
        assertThat(item.get("severity").asString()).isEqualTo("URGENT");
        assertThat(item.get("reports").get(0).get("passage").asString())
                .isEqualTo("Give the dose of children's paracetamol");
        String itemId = item.get("id").asString();
        // through the feedback service's outbox and Kafka: the review service logs the item's opening in that trace
        assertThat(awaitLogLine(services.review(), readersTrace, "opened it")).contains("Review item " + itemId);

        assertThat(reviewer.post("/api/review/items/" + itemId + "/claim", "").status()).isEqualTo(200);
        Response revised = editor.put("/api/articles/" + id, Map.of("expectedRevision", 1,
                "title", "Ear infections in children", "summary", created.get("summary").asString(),
                "sections", List.of(Map.of("heading", "Pain relief", "body", "Check the age band on the bottle "
                        + "and never give more than 4 doses in 24 hours.")),
                "references", List.of(Map.of("citation", "NICE. Otitis media (acute): antimicrobial prescribing.")),
                "authors", List.of("Erratum editorial team"),
                "changeSummary", "Made the paracetamol dosing advice precise", "significance", "MAJOR"));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);

        // the review service learns of revision 2 from content.articles before it accepts it as the fix
        await().atMost(WAIT).until(() -> reviewer.post("/api/review/items/" + itemId + "/resolve", Map.of(
                "outcome", "REVISED", "revision", 2, "summary", "Dosing advice corrected")).status() == 200);
        String signOffTrace = hex(32);
        Response signOff = senior.withHeader("traceparent", traceparent(signOffTrace))
                .withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/review/articles/" + id + "/sign-off", Map.of("revision", 2, "itemId", itemId,
                        "reviewedWholeArticle", true));
        assertThat(signOff.status()).as(signOff.toString()).isEqualTo(202);
        Instant reviewedAt = Instant.parse(signOff.json().get("reviewedAt").asString());

        JsonNode article = await().atMost(WAIT).until(
                () -> editor.get("/api/articles/" + id).json(), a -> !a.get("lastReviewedAt").isNull());
        assertThat(article.get("revision").asInt()).isEqualTo(2);
        assertThat(article.get("medicalReviewer").get("name").asString()).isEqualTo("Dr Tomas Lindqvist");
        assertThat(article.get("medicalReviewer").get("credentials").asString()).isEqualTo("MD, FRCP");
        assertThat(Instant.parse(article.get("lastReviewedAt").asString())).isEqualTo(reviewedAt);
        assertThat(LocalDate.parse(article.get("nextReviewDue").asString()))
                .isEqualTo(LocalDate.ofInstant(reviewedAt, ZoneOffset.UTC).plusMonths(24));
        assertThat(Instant.parse(article.get("lastModifiedAt").asString())).isAfter(publishedAt)
                .isBefore(reviewedAt);
        assertThat(awaitLogLine(services.content(), signOffTrace, "applied to article " + id)).contains("Sign-off");

        // the tally counts the vote as it comes back from feedback.votes
        JsonNode helpfulness = await().atMost(WAIT).until(() -> reader.get("/api/feedback/articles/" + id
                + "/revisions/1/helpfulness").json(), tally -> tally.get("yes").asInt() + tally.get("no").asInt() > 0);
        assertThat(helpfulness.get("yes").asInt()).isEqualTo(1);
        assertThat(reviewer.get("/api/review/items/" + itemId).json().get("activity"))
                .extracting(a -> a.get("action").asString()).containsExactly("claimed", "resolved", "signed off");
        String page = TestClient.at(services.content().baseUrl())
                .getText("/articles/" + article.get("slug").asString()).body();
        assertThat(page).contains("Dr Tomas Lindqvist").contains("Made the paracetamol dosing advice precise");
    }

    @Test
    void aReaderWhoLeftAnAddressHearsBackByMailAndCanEraseItFromTheLinkInIt() throws Exception {
        String id = editor.post("/api/articles", Map.of(
                "slug", "hay-fever-" + System.nanoTime(), "title", "Hay fever",
                "summary", "Antihistamines and nasal sprays ease most symptoms.",
                "sections", List.of(Map.of("heading", "Treatment", "body", "Take one antihistamine tablet a day.")),
                "references", List.of(), "authors", List.of("Erratum editorial team"))).json().get("id").asString();
        String address = "reader-" + UUID.randomUUID() + "@example.org";
        awaitKnownToFeedback(id);
        Response report = reader.post("/api/feedback/reports", Map.of("articleId", id, "revision", 1,
                "category", "OUT_OF_DATE", "comment", "Some nasal sprays are now sold without a prescription.",
                "contactEmail", address, "contactConsent", true));
        assertThat(report.status()).as(report.toString()).isEqualTo(202);

        MimeMessage acknowledgement = await().atMost(WAIT).until(() -> mailTo(address), Optional::isPresent)
                .orElseThrow();
        assertThat(acknowledgement.getSubject()).isEqualTo("We have your report on \u201cHay fever\u201d");
        Matcher link = Pattern.compile(Pattern.quote(services.feedback().baseUrl())
                + "(/feedback/contact/erase\\S+)").matcher((String) acknowledgement.getContent());
        assertThat(link.find()).as("the erasure link").isTrue();
        TestClient feedback = TestClient.at(services.feedback().baseUrl());

        assertThat(feedback.getText(link.group(1)).body()).contains("Delete my email address");
        Response erased = feedback.send("POST", "/feedback/contact/erase", "application/x-www-form-urlencoded",
                URI.create(link.group(1)).getRawQuery());
        assertThat(erased.status()).isEqualTo(303);
        assertThat(feedback.getText(link.group(1)).status()).as("nothing held any more").isEqualTo(404);
    }

    /**
     * Waits until the feedback service has learnt of the article from {@code content.articles}, on a read that is not
     * rate-limited: a vote or report sent too early is refused and still spends the client's allowance (five reports
     * in ten minutes), so retrying one until it is accepted would run into the limit.
     */
    private static void awaitKnownToFeedback(String articleId) {
        await().atMost(WAIT).until(() -> reader.get("/api/feedback/articles/" + articleId
                + "/revisions/1/helpfulness").status() == 200);
    }

    /** The message to that address the local SMTP server wrote to its folder, once it has. */
    private static Optional<MimeMessage> mailTo(String address) throws Exception {
        try (Stream<Path> files = Files.list(mailFolder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                    if (address.equals(message.getHeader("To", ","))) {
                        return Optional.of(message);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A W3C traceparent as a caller in the given trace sends it. */
    private static String traceparent(String traceId) {
        return "00-" + traceId + "-" + hex(16) + "-01";
    }

    private static String hex(int digits) {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, digits);
    }

    /** Every log line carries {@code [traceId-spanId]}; this waits for one in the trace that says something. */
    private static String awaitLogLine(ServiceProcess service, String traceId, String saying) {
        return await().atMost(WAIT).until(() -> Files.readAllLines(service.log()).stream()
                .filter(line -> line.contains("[" + traceId + "-") && line.contains(saying)).findFirst(),
                Optional::isPresent).orElseThrow();
    }
}
