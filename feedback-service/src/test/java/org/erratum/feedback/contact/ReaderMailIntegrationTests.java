package org.erratum.feedback.contact;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.erratum.events.ReviewItemChanged;
import org.erratum.events.ReviewItemChanged.Outcome;
import org.erratum.events.ReviewItemChanged.Resolution;
import org.erratum.events.ReviewItemChanged.Severity;
import org.erratum.events.ReviewItemChanged.State;
import org.erratum.feedback.TestArticles;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.contact.ReaderMail.Kind;
import org.erratum.platform.mail.Mail;
import org.erratum.platform.mail.MailOutbox;
import org.erratum.platform.mail.Postman;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TestMail;
import org.erratum.testsupport.TestMail.Received;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readers who asked to hear back, from their report through the review queue's item changes (real records on
 * {@code review.items}) to the messages the real SMTP server receives.
 */
@IntegrationTest
class ReaderMailIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ERASURE_LINK = Pattern.compile("http://localhost:8082(/feedback/contact/erase\\S+)");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    HearingBack hearingBack;

    @Autowired
    Contacts contacts;

    @Autowired
    MailOutbox mails;

    @Autowired
    JavaMailSender smtp;

    @Autowired
    ReaderMailProperties settings;

    @Autowired
    MeterRegistry meters;

    private TestClient http;
    private KnownArticle article;

    @BeforeEach
    void publishAnArticle() {
        http = TestClient.onPort(port);
        String articleId = TestArticles.newArticleId();
        article = TestArticles.publishAndAwait(TestArticles.article(articleId, "paracetamol-" + articleId, 1, 1),
                mongo);
    }

    @Test
    void theAcknowledgementPromisesAnAnswerByTheItemsDeadline() {
        String reader = newAddress();
        String report = reportWithConsent(reader, "The maximum dose in 24 hours is missing");

        joined(item(), 1, report, Instant.now().plus(Duration.ofDays(3)).plusSeconds(60));

        Received acknowledgement = TestMail.awaitMessages(reader, 1).get(0);
        assertThat(acknowledgement.from()).isEqualTo(settings.from());
        assertThat(acknowledgement.subject()).isEqualTo("We have your report on \u201cParacetamol for adults\u201d");
        assertThat(acknowledgement.contentType()).startsWith("text/plain").contains("UTF-8");
        assertThat(acknowledgement.body()).contains("a clinician will look at it, and we aim to do so within "
                + "3 days").contains("we will write to you once more with the outcome").endsWith("\n-- \nErratum Health");
        assertThat(erasureLinkOf(acknowledgement)).startsWith(ContactErasureController.ERASE + "?report=" + report
                + "&token=");
        assertThat(acknowledgement.body()).as("nothing the reader typed is sent back")
                .doesNotContain("maximum dose");
        assertThat(acknowledgement.raw()).contains("Auto-Submitted: auto-generated");
    }

    @Test
    void aRevisedItemTellsWhatChangedWithLinksToThePageAndItsCorrectionsThenErasesTheAddress() {
        Reporter reporter = acknowledged("It says 8 g a day; that is far too much");
        String reader = reporter.address();
        String report = reporter.report();
        double sentBefore = sent(Kind.REVISED);

        resolved(reporter.item(), 2, new Resolution(Outcome.REVISED, 2, "We corrected the daily maximum to 4 g.", null,
                Instant.now()));

        Received outcome = TestMail.awaitMessages(reader, 2).get(1);
        assertThat(outcome.subject()).isEqualTo("We have corrected \u201cParacetamol for adults\u201d");
        String page = "http://localhost:8081/articles/" + article.slug();
        assertThat(outcome.body()).contains("What we changed: We corrected the daily maximum to 4 g.")
                .contains("The corrected page: " + page + "\n")
                .contains("Its corrections and updates: " + page + "#corrections")
                .contains("we are deleting your email address now").doesNotContain("8 g a day");
        assertThat(erasureLinkOf(outcome)).contains("report=" + report);
        await().atMost(WAIT).until(() -> contacts.find(report).isEmpty());
        assertThat(mongo.findById(ReaderMail.acknowledgementId(report), Mail.class)).isNull();
        assertThat(mongo.findById(ReaderMail.outcomeId(report), Mail.class)).isNull();
        assertThat(sent(Kind.REVISED)).isEqualTo(sentBefore + 1);
    }

    @Test
    void noChangeNeededGivesTheReviewersPublicReason() {
        Reporter reporter = acknowledged("Surely this should say every 2 hours");

        resolved(reporter.item(), 2, new Resolution(Outcome.NO_CHANGE_NEEDED, null,
                "Every 4 to 6 hours is the licensed interval for adults.", null, Instant.now()));

        Received outcome = TestMail.awaitMessages(reporter.address(), 2).get(1);
        assertThat(outcome.subject()).isEqualTo("Our review of \u201cParacetamol for adults\u201d");
        assertThat(outcome.body()).contains("found that the page does not need to change")
                .contains("Why: Every 4 to 6 hours is the licensed interval for adults.")
                .contains("The page: http://localhost:8081/articles/" + article.slug());
        await().atMost(WAIT).until(() -> contacts.find(reporter.report()).isEmpty());
    }

    @Test
    void aDuplicatesReadersHearTheOtherItemsOutcomeWhenItComes() {
        String first = newAddress();
        String second = newAddress();
        String duplicate = item();
        String original = item();
        String firstReport = reportWithConsent(first, "The dose for adults is wrong");
        String secondReport = reportWithConsent(second, "The adult dose looks too high");
        joined(duplicate, 1, firstReport, Instant.now().plus(Duration.ofDays(3)));
        joined(original, 1, secondReport, Instant.now().plus(Duration.ofDays(3)));
        TestMail.awaitMessages(first, 1);
        TestMail.awaitMessages(second, 1);

        resolved(duplicate, 2, new Resolution(Outcome.DUPLICATE, null, null, original, Instant.now()));
        awaitActedOn(duplicate, 2);
        assertThat(mongo.findById(ReaderMail.outcomeId(firstReport), Mail.class)).as("nothing to tell yet").isNull();

        resolved(original, 2, new Resolution(Outcome.REVISED, 2, "The adult dose now reads 500 mg to 1 g.", null,
                Instant.now()));

        for (String reader : List.of(first, second)) {
            Received outcome = TestMail.awaitMessages(reader, 2).get(1);
            assertThat(outcome.subject()).isEqualTo("We have corrected \u201cParacetamol for adults\u201d");
            assertThat(outcome.body()).contains("What we changed: The adult dose now reads 500 mg to 1 g.");
        }
        assertThat(TestMail.awaitMessages(first, 2).get(1).body()).contains("Other readers told us about the same "
                + "problem");
    }

    @Test
    void aDuplicateOfAnItemResolvedBeforeGetsItsOutcomeAtOnce() {
        String reader = newAddress();
        String original = item();
        String duplicate = item();
        resolved(original, 3, new Resolution(Outcome.NO_CHANGE_NEEDED, null, "The page is right as it is.", null,
                Instant.now()));
        String report = reportWithConsent(reader, "Please check the dose");
        joined(duplicate, 1, report, Instant.now().plus(Duration.ofDays(3)));
        TestMail.awaitMessages(reader, 1);

        resolved(duplicate, 2, new Resolution(Outcome.DUPLICATE, null, null, original, Instant.now()));

        assertThat(TestMail.awaitMessages(reader, 2).get(1).body()).contains("Why: The page is right as it is.");
    }

    @Test
    void anItemResolvedAsSpamSendsNothingAndErasesTheAddress() {
        Reporter reporter = acknowledged("Buy cheap pills at my site");

        resolved(reporter.item(), 2, new Resolution(Outcome.SPAM, null, null, null, Instant.now()));

        await().atMost(WAIT).until(() -> contacts.find(reporter.report()).isEmpty());
        assertThat(mongo.findById(ReaderMail.outcomeId(reporter.report()), Mail.class)).isNull();
        assertThat(TestMail.to(reporter.address())).hasSize(1);
    }

    @Test
    void aReportMarkedAsSpamAtIntakeGetsNothingEvenWhenItsItemChanges() {
        String bot = newAddress();
        String spam = accepted("""
                {"articleId":"%s","revision":1,"category":"OTHER","comment":"Great article, visit my pharmacy",
                 "contactEmail":"%s","contactConsent":true,"website":"https://pills.example"}"""
                .formatted(article.articleId(), bot));
        String item = item();

        joined(item, 1, spam, Instant.now().plus(Duration.ofDays(3)));
        awaitActedOn(item, 1);
        acknowledgeEveryOverdueReport();

        assertThat(contacts.find(spam)).isEmpty();
        assertThat(mongo.findById(ReaderMail.acknowledgementId(spam), Mail.class)).isNull();
        assertThat(TestMail.to(bot)).isEmpty();
    }

    @Test
    void withoutConsentNothingIsKeptOrWritten() {
        String report = accepted("""
                {"articleId":"%s","revision":1,"category":"OTHER","comment":"The second paragraph is unclear"}"""
                .formatted(article.articleId()));
        Reporter reporter = new Reporter(null, report, item());

        joined(reporter.item(), 1, report, Instant.now().plus(Duration.ofDays(3)));
        assertResolvingWritesNoOutcome(reporter);

        assertThat(contacts.find(report)).isEmpty();
        assertThat(mongo.findById(ReaderMail.acknowledgementId(report), Mail.class)).isNull();
    }

    @Test
    void theLinkInAMessageOpensAConfirmationAndOnlyItsFormErasesTheAddress() {
        Reporter reporter = acknowledged("The reference to the leaflet is broken");
        String report = reporter.report();
        String link = erasureLinkOf(TestMail.to(reporter.address()).get(0));

        Response page = http.getText(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'none'").contains("form-action 'self'"));
        assertThat(page.body()).contains("<form method=\"post\" action=\"/feedback/contact/erase\">")
                .contains("name=\"report\" value=\"" + report + "\"").contains("Delete my email address");
        assertThat(contacts.find(report)).as("opening the link erases nothing").isPresent();

        Map<String, String> form = queryOf(link);
        Response forged = http.postForm(ContactErasureController.ERASE,
                Map.of("report", report, "token", "not-the-token"));
        assertThat(forged.status()).isEqualTo(404);
        assertThat(contacts.find(report)).isPresent();

        Response erased = http.postForm(ContactErasureController.ERASE, form);
        assertThat(erased.status()).isEqualTo(303);
        assertThat(erased.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith(ContactErasureController.ERASED));
        assertThat(http.getText(ContactErasureController.ERASED).body()).contains("Your email address is deleted");
        assertThat(contacts.find(report)).isEmpty();
        assertThat(mongo.findById(ReaderMail.acknowledgementId(report), Mail.class)).isNull();
        assertThat(http.getText(link).status()).as("the link holds nothing any more").isEqualTo(404);

        assertResolvingWritesNoOutcome(reporter);
        assertThat(TestMail.to(reporter.address())).hasSize(1);
    }

    @Test
    void atTheRetentionLimitTheAddressAndItsMessagesAreErased() {
        Reporter reporter = acknowledged("The section on children is out of date");
        String report = reporter.report();

        contacts.eraseExpired(Instant.now().plus(Duration.ofDays(89)));
        assertThat(contacts.find(report)).isPresent();
        contacts.eraseExpired(Instant.now().plus(Duration.ofDays(91)));

        assertThat(contacts.find(report)).isEmpty();
        assertThat(mongo.findById(ReaderMail.acknowledgementId(report), Mail.class)).isNull();
        assertResolvingWritesNoOutcome(reporter);
    }

    @Test
    void whileTheSmtpServerIsAwayMessagesWaitAndGoOnceItIsBack() {
        String reader = newAddress();
        String report = reportWithConsent(reader, "Which dose is right for over 65s?");
        double failedBefore = failed(Kind.ACKNOWLEDGEMENT);
        TestMail.stop();
        try {
            joined(item(), 1, report, Instant.now().plus(Duration.ofDays(3)));
            await().atMost(WAIT).until(() -> attemptsOf(ReaderMail.acknowledgementId(report)) >= 2);
            assertThat(failed(Kind.ACKNOWLEDGEMENT)).isGreaterThanOrEqualTo(failedBefore + 2);
            assertThat(http.getText("/actuator/health/readiness").status()).as("still fit for readers' feedback")
                .isEqualTo(200);
            assertThat(http.getText("/actuator/health").status()).isEqualTo(200);
        } finally {
            TestMail.start();
        }

        await().atMost(WAIT).until(() -> stateOf(ReaderMail.acknowledgementId(report)) == Mail.State.SENT);
        assertThat(TestMail.to(reader)).hasSize(1);
    }

    @Test
    void anAcknowledgementStillWaitingWhenTheOutcomeComesIsNotSent() {
        String reader = newAddress();
        String report = reportWithConsent(reader, "The dose is given in the wrong unit");
        String item = item();
        TestMail.stop();
        try {
            joined(item, 1, report, Instant.now().plus(Duration.ofDays(3)));
            await().atMost(WAIT).until(() -> attemptsOf(ReaderMail.acknowledgementId(report)) >= 1);
            resolved(item, 2, new Resolution(Outcome.REVISED, 2, "The unit is now mg.", null, Instant.now()));
            await().atMost(WAIT).until(() -> stateOf(ReaderMail.acknowledgementId(report)) == Mail.State.CANCELLED);
        } finally {
            TestMail.start();
        }

        await().atMost(WAIT).until(() -> contacts.find(report).isEmpty());
        assertThat(TestMail.to(reader)).extracting(Received::subject)
                .containsExactly("We have corrected \u201cParacetamol for adults\u201d");
    }

    @Test
    void theSameItemStatesArrivingTwiceWriteEachMessageOnce() {
        String reader = newAddress();
        String report = reportWithConsent(reader, "The overdose advice needs a phone number");
        String item = item();
        ReviewItemChanged joined = joined(item, 1, report, Instant.now().plus(Duration.ofDays(1)));
        TopicProbe.publish(joined);
        TestMail.awaitMessages(reader, 1);
        ReviewItemChanged resolved = resolved(item, 2, new Resolution(Outcome.REVISED, 2, "Added 111.", null,
                Instant.now()));
        TestMail.awaitMessages(reader, 2);
        await().atMost(WAIT).until(() -> contacts.find(report).isEmpty());

        TopicProbe.publish(joined);
        TopicProbe.publish(resolved);
        // a later change of another item on the same article travels behind them on the same partition
        String witness = item();
        joined(witness, 1, null, Instant.now().plus(Duration.ofDays(1)));
        awaitActedOn(witness, 1);

        assertThat(TestMail.to(reader)).hasSize(2);
    }

    @Test
    void whenTheQueueNeverPlacesTheReportTheAcknowledgementGoesWithTheConfiguredTimeToAnAnswer() {
        String reader = newAddress();
        String report = reportWithConsent(reader, "The side effects list is incomplete");

        acknowledgeEveryOverdueReport();

        Received acknowledgement = TestMail.awaitMessages(reader, 1).get(0);
        assertThat(acknowledgement.body()).contains("we aim to do so within 14 days");
        String item = item();
        joined(item, 1, report, Instant.now().plus(Duration.ofDays(3)));
        awaitActedOn(item, 1);
        assertThat(contacts.find(report)).hasValueSatisfying(contact -> assertThat(contact.awaits())
                .isEqualTo(item));
        assertThat(TestMail.to(reader)).as("acknowledged once").hasSize(1);
    }

    @Test
    void twoInstancesSendingAtOnceSendEachMessageOnce() {
        List<String> readers = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String reader = newAddress();
            readers.add(reader);
            Contact contact = Contact.consented(UUID.randomUUID().toString(), reader, article.articleId(),
                    Instant.now(), settings, Duration.ofDays(90));
            Mail mail = ReaderMail.pending(contact, Kind.ACKNOWLEDGEMENT, new Letter("Race " + i, "Hello " + i),
                    Instant.now());
            ids.add(mail.id());
            mails.enqueue(mail);
        }
        // besides this service's own rounds, two more instances' postmen on the same outbox
        Postman one = new ReaderMailConfig().postman(mails, contacts, smtp, settings, meters, Clock.systemUTC());
        Postman other = new ReaderMailConfig().postman(mails, contacts, smtp, settings, meters, Clock.systemUTC());

        CompletableFuture.allOf(CompletableFuture.runAsync(one::deliverDue),
                CompletableFuture.runAsync(other::deliverDue)).join();

        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> stateOf(id) == Mail.State.SENT));
        assertThat(readers).allSatisfy(reader -> assertThat(TestMail.to(reader)).hasSize(1));
    }

    @Test
    void theLookupsHaveTheIndexesRealMongoDbNeeds() {
        assertThat(indexedFields(Contact.class)).contains(List.of("awaits"), List.of("acknowledgeBy"),
                List.of("expiresAt"));
        assertThat(indexedFields(Mail.class)).contains(List.of("state", "dueAt"), List.of("expiresAt"));
        assertThat(mongo.indexOps(Mail.class).getIndexInfo()).filteredOn(index -> index.getName().equals("expiry"))
                .singleElement().satisfies(index -> assertThat(index.getExpireAfter()).hasValue(Duration.ZERO));
    }

    // ---------------------------------------------------------------------------------------------------------

    private List<List<String>> indexedFields(Class<?> document) {
        return mongo.indexOps(document).getIndexInfo().stream()
                .map(index -> index.getIndexFields().stream().map(field -> field.getKey()).toList()).toList();
    }

    /** A reader whose report joined an item of its own, and who has had the acknowledgement. */
    private record Reporter(String address, String report, String item) {
    }

    private Reporter acknowledged(String comment) {
        Reporter reporter = new Reporter(newAddress(), null, item());
        String report = reportWithConsent(reporter.address(), comment);
        joined(reporter.item(), 1, report, Instant.now().plus(Duration.ofDays(3)));
        TestMail.awaitMessages(reporter.address(), 1);
        return new Reporter(reporter.address(), report, reporter.item());
    }

    /** Resolves the reporter's item as revised and waits until that was acted on: no outcome may be written. */
    private void assertResolvingWritesNoOutcome(Reporter reporter) {
        resolved(reporter.item(), 2, new Resolution(Outcome.REVISED, 2, "Reworded.", null, Instant.now()));
        awaitActedOn(reporter.item(), 2);
        assertThat(mongo.findById(ReaderMail.outcomeId(reporter.report()), Mail.class)).isNull();
    }

    private String reportWithConsent(String email, String comment) {
        return accepted("""
                {"articleId":"%s","revision":1,"category":"INACCURATE","comment":"%s",
                 "contactEmail":"%s","contactConsent":true}""".formatted(article.articleId(), comment, email));
    }

    private String accepted(String json) {
        Response response = http.post("/api/feedback/reports", json);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asString();
    }

    /** As the rounds would once every report's fallback time came; each call acknowledges a batch. */
    private void acknowledgeEveryOverdueReport() {
        Instant later = Instant.now().plus(settings.acknowledgementFallback()).plusSeconds(1);
        while (hearingBack.acknowledgeOverdue(later) > 0) {
            // the next batch
        }
    }

    private ReviewItemChanged joined(String itemId, long version, String reportEventId, Instant resolveDueAt) {
        return publish(new ReviewItemChanged(UUID.randomUUID(), Instant.now(), article.articleId(), itemId, version,
                State.OPEN, Severity.NORMAL, (int) version, List.of(), reportEventId, resolveDueAt, null, null));
    }

    private ReviewItemChanged resolved(String itemId, long version, Resolution resolution) {
        return publish(new ReviewItemChanged(UUID.randomUUID(), Instant.now(), article.articleId(), itemId, version,
                State.RESOLVED, Severity.NORMAL, 1, List.of(), null, null, null, resolution));
    }

    private static ReviewItemChanged publish(ReviewItemChanged changed) {
        TopicProbe.publish(changed);
        return changed;
    }

    private void awaitActedOn(String itemId, long version) {
        await().atMost(WAIT).until(() -> {
            FollowedItem followed = mongo.findById(itemId, FollowedItem.class);
            return followed != null && followed.version() != null && followed.version() >= version;
        });
    }

    private int attemptsOf(String mailId) {
        Mail mail = mongo.findById(mailId, Mail.class);
        return mail == null ? 0 : mail.attempts();
    }

    private Mail.State stateOf(String mailId) {
        Mail mail = mongo.findById(mailId, Mail.class);
        return mail == null ? null : mail.state();
    }

    private double sent(Kind kind) {
        return meters.get("erratum.feedback.mail.sent").tag("kind", kind.tag()).counter().count();
    }

    private double failed(Kind kind) {
        return meters.get("erratum.feedback.mail.failed").tag("kind", kind.tag()).counter().count();
    }

    private static String erasureLinkOf(Received message) {
        Matcher link = ERASURE_LINK.matcher(message.body());
        assertThat(link.find()).as("an erasure link in " + message.body()).isTrue();
        return link.group(1);
    }

    private static Map<String, String> queryOf(String link) {
        Map<String, String> query = new java.util.HashMap<>();
        for (String pair : URI.create(link).getQuery().split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            query.put(nameAndValue[0], nameAndValue[1]);
        }
        return query;
    }

    private static String item() {
        return "item-" + UUID.randomUUID();
    }

    private static String newAddress() {
        return "reader-" + UUID.randomUUID() + "@example.org";
    }
}
