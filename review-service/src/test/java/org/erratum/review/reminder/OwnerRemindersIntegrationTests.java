package org.erratum.review.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.erratum.events.ArticleChanged.Owner;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.platform.mail.Mail;
import org.erratum.platform.mail.MailRounds;
import org.erratum.review.Fixtures;
import org.erratum.review.ReviewApplication;
import org.erratum.review.article.KnownArticle;
import org.erratum.review.queue.ReviewItem;
import org.erratum.testsupport.InfrastructureInitializer;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestMail;
import org.erratum.testsupport.TestMail.Received;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * Reminders to article owners, on the real SMTP server, with the clock moved from day to day. The context has a
 * consumer group of its own (and goes when the class is done), so its moved clock and the second instance it starts
 * never take events from the module's shared context.
 */
@IntegrationTest
// with the shared infrastructure (as @IntegrationTest alone), every bean reading the moved clock
@ContextConfiguration(initializers = { InfrastructureInitializer.class, MovedClock.class })
@TestPropertySource(properties = { OwnerRemindersIntegrationTests.GROUP,
        OwnerRemindersIntegrationTests.POLL, OwnerRemindersIntegrationTests.DIGEST_DAY,
        OwnerRemindersIntegrationTests.QUIET_SCANNER })
@DirtiesContext
class OwnerRemindersIntegrationTests {

    static final String GROUP = "erratum.group-suffix=-reminders";
    static final String POLL = "erratum.review.reminders.poll-interval=500ms";
    // Sunday: the reminder tests' days are weekdays, so only the digest tests meet digests
    static final String DIGEST_DAY = "erratum.review.reminders.digest-day=SUNDAY";
    // the due-review scanner would open items on its own schedule; these tests open the items they list
    static final String QUIET_SCANNER = "erratum.review.due.initial-delay=1d";

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MailRounds rounds;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.mongodb.uri}")
    String mongoUri;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Test
    void anOwnerIsRemindedBeforeTheDueDayOnItAndEveryChaserIntervalAfterEachOnce() {
        LocalDate due = LocalDate.parse("2031-01-15");
        MovedClock.setTo(due.minusDays(21));
        String owner = newAddress();
        String articleId = ownedArticle("Ibuprofen for children", due, owner);
        double sentBefore = sent("before_due");

        assertAfterRound(articleId, owner, 0);

        MovedClock.setTo(due.minusDays(14));
        Received before = awaitAfterRound(articleId, owner, 1);
        assertThat(before.subject()).isEqualTo("Review due on 15 January 2031: Ibuprofen for children");
        assertThat(before.body()).contains("Hello Dr Owner,").contains("\"Ibuprofen for children\", an article you own,"
                + " falls due on 15 January 2031, in 14 days.").contains("http://localhost:8083/console");
        assertThat(before.raw()).contains("Auto-Submitted: auto-generated");
        assertThat(before.from()).isEqualTo("Erratum Health <reviews@erratum.localhost>");
        assertThat(sent("before_due")).isGreaterThan(sentBefore);

        MovedClock.setTo(due.minusDays(13));
        assertAfterRound(articleId, owner, 1);

        MovedClock.setTo(due);
        Received onTheDay = awaitAfterRound(articleId, owner, 2);
        assertThat(onTheDay.subject()).isEqualTo("Review due now: Ibuprofen for children");
        assertThat(onTheDay.body()).contains("falls due today, 15 January 2031.");

        MovedClock.setTo(due.plusDays(7));
        Received chaser = awaitAfterRound(articleId, owner, 3);
        assertThat(chaser.subject()).isEqualTo("Review overdue (reminder 1): Ibuprofen for children");
        assertThat(chaser.body()).contains("fell due on 15 January 2031 and is 7 days overdue")
                .contains("reminded every 7 days");

        MovedClock.setTo(due.plusDays(8));
        assertAfterRound(articleId, owner, 3);

        MovedClock.setTo(due.plusDays(14));
        assertThat(awaitAfterRound(articleId, owner, 4).subject())
                .isEqualTo("Review overdue (reminder 2): Ibuprofen for children");
        assertThat(reminderIds(articleId)).containsExactlyInAnyOrder(
                "reminder:" + articleId + ":2031-01-15:before_due", "reminder:" + articleId + ":2031-01-15:due",
                "reminder:" + articleId + ":2031-01-15:overdue-1", "reminder:" + articleId + ":2031-01-15:overdue-2");
    }

    @Test
    void anArticleWithoutAnOwnerGetsNoReminderAndIsCounted() {
        LocalDate due = LocalDate.parse("2031-03-12");
        MovedClock.setTo(due);
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.article(articleId, 1, 1, due));
        await().atMost(WAIT).until(() -> mongo.findById(articleId, KnownArticle.class) != null);

        rounds.round();

        assertThat(reminderIds(articleId)).isEmpty();
        await().atMost(WAIT).until(() -> meters.get("erratum.review.articles.without.owner").gauge().value() >= 1);
    }

    @Test
    void eachOwnerGetsOneWeeklyDigestOfTheirArticlesDueSoonOverdueAndWaiting() {
        LocalDate sunday = LocalDate.parse("2031-01-19");
        MovedClock.setTo(sunday.minusDays(1));
        String owner = newAddress();
        String dueSoon = ownedArticle("Aspirin and stroke", sunday.plusDays(5), owner);
        String overdue = ownedArticle("Codeine in pregnancy", sunday.minusDays(10), owner);
        String waiting = ownedArticle("Naproxen and the heart", sunday.plusYears(1), owner);
        TopicProbe.publish(new ReportSubmitted(UUID.randomUUID(), java.time.Instant.now(), waiting, 1,
                Category.OUT_OF_DATE, "twice a day", "The dose changed", false));
        ReviewItem item = await().atMost(WAIT).until(() -> mongo.findOne(
                Query.query(Criteria.where("groupKey").is(waiting)), ReviewItem.class), found -> found != null);

        MovedClock.setTo(sunday);
        rounds.round();
        Received digest = await().atMost(WAIT).until(() -> digests(owner), found -> found.size() == 1).get(0);

        assertThat(digest.subject()).isEqualTo("Your articles' reviews, week 2031-W03");
        assertThat(digest.body())
                .contains("Overdue:\n- Codeine in pregnancy, due 9 January 2031\n")
                .contains("Due within 14 days:\n- Aspirin and stroke, due 24 January 2031\n")
                .contains("Waiting in the review queue:\n- Naproxen and the heart (open, ")
                .contains("http://localhost:8083/console/items/" + item.id());
        assertThat(digest.body().indexOf("Naproxen")).isGreaterThan(digest.body().indexOf("Waiting"));

        MovedClock.setTo(sunday.plusDays(1));
        rounds.round();
        await().atMost(WAIT).until(() -> allSent(Pattern.quote("digest:" + owner + ":")));
        assertThat(digests(owner)).hasSize(1);

        MovedClock.setTo(sunday.plusDays(7));
        rounds.round();
        assertThat(await().atMost(WAIT).until(() -> digests(owner), found -> found.size() == 2).get(1).subject())
                .isEqualTo("Your articles' reviews, week 2031-W04");
        assertThat(List.of(dueSoon, overdue)).allSatisfy(id -> assertThat(reminderIds(id)).isNotEmpty());
    }

    @Test
    void twoInstancesOnTheSameDatabaseAndBrokerSendEachReminderExactlyOnce() {
        LocalDate sunday = LocalDate.parse("2031-02-16");
        MovedClock.setTo(sunday);
        try (ConfigurableApplicationContext second = secondInstance()) {
            MailRounds otherRounds = second.getBean(MailRounds.class);
            Map<String, LocalDate> owners = new java.util.LinkedHashMap<>();
            for (int days : new int[] { 10, 3, 0, -1, -7, -8, -15, -30 }) {
                owners.put(newAddress(), sunday.plusDays(days));
            }
            List<String> articles = new ArrayList<>();
            owners.forEach((owner, due) -> articles.add(ownedArticle("Article due " + due, due, owner)));

            List<CompletableFuture<Void>> racing = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                racing.add(CompletableFuture.runAsync(rounds::round));
                racing.add(CompletableFuture.runAsync(otherRounds::round));
            }
            CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).join();

            // each owner: the reminder of the day's stage and the week's digest
            owners.keySet().forEach(owner -> TestMail.awaitMessages(owner, 2));
            await().atMost(WAIT).until(() -> articles.stream().allMatch(id -> allSent(Pattern.quote("reminder:" + id))));
            otherRounds.round();
            rounds.round();
            owners.keySet().forEach(owner -> {
                assertThat(TestMail.to(owner)).extracting(Received::subject).hasSize(2)
                        .containsOnlyOnce("Your articles' reviews, week 2031-W07");
            });
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private ConfigurableApplicationContext secondInstance() {
        return new SpringApplicationBuilder(ReviewApplication.class).initializers(new MovedClock()).run("--server.port=0",
                "--spring.mongodb.uri=" + mongoUri, "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestMail.port(), "--" + GROUP, "--" + POLL, "--" + DIGEST_DAY, "--" + QUIET_SCANNER);
    }

    private String ownedArticle(String title, LocalDate due, String owner) {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.owned(articleId, 1, title, due, new Owner("Dr Owner", owner), null));
        await().atMost(WAIT).until(() -> mongo.findById(articleId, KnownArticle.class) != null);
        return articleId;
    }

    /** After a round, this article's reminders are all sent and the owner has exactly this many. */
    private void assertAfterRound(String articleId, String owner, int count) {
        rounds.round();
        await().atMost(WAIT).until(() -> allSent(Pattern.quote("reminder:" + articleId)));
        assertThat(reminderIds(articleId)).hasSize(count);
        assertThat(TestMail.to(owner)).hasSize(count);
    }

    private Received awaitAfterRound(String articleId, String owner, int count) {
        rounds.round();
        List<Received> received = TestMail.awaitMessages(owner, count);
        assertAfterRound(articleId, owner, count);
        return received.get(count - 1);
    }

    private List<String> reminderIds(String articleId) {
        return mails(Pattern.quote("reminder:" + articleId)).stream().map(Mail::id).toList();
    }

    private boolean allSent(String idPrefix) {
        return mails(idPrefix).stream().allMatch(mail -> mail.state() == Mail.State.SENT);
    }

    private List<Mail> mails(String idPrefix) {
        return mongo.find(Query.query(Criteria.where("_id").regex("^" + idPrefix)), Mail.class);
    }

    private static List<Received> digests(String owner) {
        return TestMail.to(owner).stream().filter(mail -> mail.subject().startsWith("Your articles' reviews")).toList();
    }

    private double sent(String kind) {
        return meters.get("erratum.review.reminders.sent").tag("kind", kind).counter().count();
    }

    private static String newAddress() {
        return "owner-" + UUID.randomUUID() + "@example.org";
    }
}
