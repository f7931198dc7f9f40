package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.events.Topics;
import org.erratum.review.Fixtures;
import org.erratum.review.article.KnownArticles;
import org.erratum.review.queue.ItemReports.Stored;
import org.erratum.review.queue.Signals.Arrival;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports are taken a poll at a time: however a poll is cut, whatever it brings again and wherever it stops, every
 * report is counted into its article's item once and stored once, numbered in the order it came.
 */
@IntegrationTest
class ReportPollIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationContext context;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Signals signals;

    @Autowired
    QueueProperties properties;

    @Autowired
    KnownArticles articles;

    @Autowired
    Claims claims;

    private final String article = Fixtures.newArticleId();
    private final String other = Fixtures.newArticleId();

    @Test
    void anArticleReportedSeveralTimesInAPollJoinsItsItemOnceWithAnEventForEachReport() {
        ReportSubmitted first = report(article, 1, Category.OTHER);
        ReportSubmitted second = report(article, 2, Category.SAFETY_CONCERN);
        ReportSubmitted third = report(article, 3, Category.OTHER);

        signals.addReports(poll(first, report(other, 1, Category.OTHER), second, third, first));

        ReviewItem item = itemOf(article);
        assertThat(item.reportCount()).isEqualTo(3);
        assertThat(item.severity()).as("as the safety report made it").isEqualTo(Severity.URGENT);
        assertThat(item.version()).as("a version for each report").isEqualTo(3);
        assertThat(storedOf(item)).extracting(Stored::eventId, Stored::seq).containsExactly(
                tuple(id(first), 1L), tuple(id(second), 2L), tuple(id(third), 3L));
        assertThat(itemOf(other).reportCount()).isEqualTo(1);
        List<JsonNode> events = StoredItems.eventsOf(item.id(), 3);
        assertThat(events).extracting(event -> event.get("version").asLong(),
                event -> event.get("reportEventId").asString(), event -> event.get("reportCount").asInt())
                .as("each reader's report has its event, as one at a time").containsExactly(
                        tuple(1L, id(first), 1), tuple(2L, id(second), 2), tuple(3L, id(third), 3));
        assertThat(events).extracting(event -> event.get("occurredAt").asString()).as("made by one write")
                .containsOnly(events.get(0).get("occurredAt").asString());
        assertThat(item.outbox()).isEmpty();
    }

    @Test
    void moreReportsOfOneArticleInAPollThanItsItemKeepsAreAllCountedAndStoredInOrder() {
        int reports = properties.reportSample() * 2 + 5;
        List<ReportSubmitted> poll = IntStream.rangeClosed(1, reports)
                .mapToObj(n -> report(article, n, Category.OTHER)).toList();

        signals.addReports(poll.stream().map(ReportPollIntegrationTests::arrival).toList());

        ReviewItem item = itemOf(article);
        assertThat(item.reportCount()).isEqualTo(reports);
        assertThat(item.latestReports()).hasSize(properties.reportSample())
                .extracting(ReviewItem.Report::eventId).endsWith(id(poll.get(reports - 1)));
        assertThat(storedOf(item)).extracting(Stored::eventId).containsExactlyElementsOf(
                poll.stream().map(ReportPollIntegrationTests::id).toList());
        assertThat(storedOf(item)).extracting(Stored::seq).containsExactlyElementsOf(
                LongStream.rangeClosed(1, reports).boxed().toList());
    }

    @Test
    void aPollDeliveredAgainInPartAndCutDifferentlyCountsEachReportOnce() {
        ReportSubmitted a1 = report(article, 1, Category.OTHER);
        ReportSubmitted a2 = report(article, 2, Category.OTHER);
        ReportSubmitted a3 = report(article, 3, Category.OTHER);
        ReportSubmitted b1 = report(other, 1, Category.OTHER);
        ReportSubmitted b2 = report(other, 2, Category.OTHER);

        signals.addReports(poll(a1, a2, b1));
        signals.addReports(poll(a2, b1, a3, b2));

        assertThat(storedOf(itemOf(article))).extracting(Stored::eventId, Stored::seq).containsExactly(
                tuple(id(a1), 1L), tuple(id(a2), 2L), tuple(id(a3), 3L));
        assertThat(storedOf(itemOf(other))).extracting(Stored::eventId, Stored::seq).containsExactly(
                tuple(id(b1), 1L), tuple(id(b2), 2L));
        assertThat(itemOf(article).reportCount()).isEqualTo(3);
        assertThat(itemOf(other).reportCount()).isEqualTo(2);
    }

    /**
     * A crash after the items counted a poll's reports and before they were stored: Kafka brings the poll again from
     * its first record, cut differently, with a report that came after it.
     */
    @Test
    void aPollCountedJustBeforeACrashIsStoredOnRedeliveryAndNotCountedAgain() {
        ReportSubmitted[] reports = IntStream.rangeClosed(1, 4).mapToObj(n -> report(article, n, Category.OTHER))
                .toArray(ReportSubmitted[]::new);
        ReportSubmitted b1 = report(other, 1, Category.OTHER);
        ReportSubmitted a5 = report(article, 5, Category.OTHER);
        signals.addReports(poll(reports[0], reports[1], b1, reports[2], reports[3]));
        mongo.remove(Query.query(Criteria.where("itemId").in(itemOf(article).id(), itemOf(other).id())),
                Stored.class);

        signals.addReports(poll(reports[0], reports[1]));
        signals.addReports(poll(b1, reports[2], reports[3], a5));

        ReviewItem item = itemOf(article);
        assertThat(item.reportCount()).isEqualTo(5);
        assertThat(storedOf(item)).extracting(Stored::eventId, Stored::seq).containsExactly(
                tuple(id(reports[0]), 1L), tuple(id(reports[1]), 2L), tuple(id(reports[2]), 3L),
                tuple(id(reports[3]), 4L), tuple(id(a5), 5L));
        assertThat(itemOf(other).reportCount()).isEqualTo(1);
        assertThat(storedOf(itemOf(other))).extracting(Stored::eventId).containsExactly(id(b1));
    }

    @Test
    void aRecordThatIsNotAReportInTheMiddleOfAPollIsDeadLetteredAloneAndTheReportsAroundItAreQueued() {
        ReportSubmitted before = report(article, 1, Category.OTHER);
        ReportSubmitted after = report(article, 2, Category.INACCURATE);
        Map<String, String> headers = Map.of("ce_type", "erratum.feedback.report-submitted.v1");
        TopicProbe.send(Topics.REPORTS, article, JSON.writeValueAsString(before), headers);
        TopicProbe.send(Topics.REPORTS, article, "{not a report", headers);
        TopicProbe.send(Topics.REPORTS, article, JSON.writeValueAsString(after), headers);

        var dead = TopicProbe.awaitRecords("error.feedback.reports.review-service", r -> article.equals(r.key()),
                found -> !found.isEmpty());
        assertThat(dead).extracting(r -> r.value()).containsExactly("{not a report");
        ReviewItem item = StoredItems.awaitItem(mongo, article, 2);
        assertThat(storedOf(item)).extracting(Stored::eventId, Stored::seq).containsExactly(
                tuple(id(before), 1L), tuple(id(after), 2L));
    }

    /**
     * A reviewer claims an item between the poll's read of it and the bulk of the poll's item writes: the item's
     * compare-and-set in the bulk finds it changed and is written again on its own, while the other article's write
     * in the same bulk stands.
     */
    @Test
    void anItemClaimedWhileAPollIsWrittenKeepsTheClaimAndCountsEveryReportOnce() {
        ReportSubmitted first = report(article, 1, Category.OTHER);
        signals.addReports(poll(first));
        String id = itemOf(article).id();
        Interleaving clock = new Interleaving();
        clock.atNextReading(() -> claims.claim(id, new Staff("reviewer", false), null));
        ReportSubmitted second = report(article, 2, Category.OTHER);
        ReportSubmitted third = report(article, 3, Category.INACCURATE);
        ReportSubmitted b1 = report(other, 1, Category.OTHER);

        clock.signals(context).addReports(poll(second, b1, third));

        ReviewItem item = itemOf(article);
        assertThat(clock.interleaved()).as("the claim came between the read and the write").isTrue();
        assertThat(item.state()).isEqualTo(ItemState.CLAIMED);
        assertThat(item.claimedBy()).isEqualTo("reviewer");
        assertThat(item.reportCount()).isEqualTo(3);
        assertThat(item.version()).as("opened, claimed, two reports").isEqualTo(4);
        assertThat(storedOf(item)).extracting(Stored::eventId, Stored::seq).containsExactly(
                tuple(id(first), 1L), tuple(id(second), 2L), tuple(id(third), 3L));
        assertThat(itemOf(other).reportCount()).isEqualTo(1);
        assertThat(storedOf(itemOf(other))).extracting(Stored::eventId).containsExactly(id(b1));
        List<JsonNode> events = StoredItems.eventsOf(id, 4);
        // the claim's event may go twice: the relay it was handed to and the poll's write, which found it still
        // pending, can send it at the same moment (readers go by version)
        assertThat(events).extracting(event -> event.get("version").asLong()).as("every version announced")
                .containsOnly(1L, 2L, 3L, 4L);
        List<String> joinedAt = timesOfVersionsAbove(events, 2);
        assertThat(joinedAt).as("both reports joined the claimed item in one write, not the poll one report at a time")
                .hasSizeGreaterThanOrEqualTo(2).containsOnly(joinedAt.get(0));
    }

    /**
     * Another writer opens the article's item between the poll's read (no item) and the bulk: the poll's opening
     * meets the group key's unique index, as one opening alone does, and its reports join that item instead.
     */
    @Test
    void anItemOpenedByAnotherWriterWhileAPollIsWrittenTakesThePollsReports() {
        ReportSubmitted meanwhile = report(article, 1, Category.OTHER);
        Interleaving clock = new Interleaving();
        clock.atNextReading(() -> signals.addReports(poll(meanwhile)));
        ReportSubmitted second = report(article, 2, Category.OTHER);
        ReportSubmitted third = report(article, 3, Category.OTHER);
        ReportSubmitted b1 = report(other, 1, Category.OTHER);

        clock.signals(context).addReports(poll(b1, second, third));

        assertThat(clock.interleaved()).isTrue();
        assertThat(mongo.count(Query.query(Criteria.where("articleId").is(article)), ReviewItem.class)).isEqualTo(1);
        ReviewItem item = itemOf(article);
        assertThat(item.reportCount()).isEqualTo(3);
        assertThat(storedOf(item)).extracting(Stored::eventId, Stored::seq).containsExactly(
                tuple(id(meanwhile), 1L), tuple(id(second), 2L), tuple(id(third), 3L));
        assertThat(storedOf(itemOf(other))).extracting(Stored::eventId).containsExactly(id(b1));
        List<String> joinedAt = timesOfVersionsAbove(StoredItems.eventsOf(item.id(), 3), 1);
        assertThat(joinedAt).as("the poll's reports joined that item in one write, not the poll one report at a time")
                .hasSize(2).containsOnly(joinedAt.get(0));
    }


    private ReviewItem itemOf(String articleId) {
        return mongo.findOne(Query.query(Criteria.where("articleId").is(articleId)), ReviewItem.class);
    }

    private List<Stored> storedOf(ReviewItem item) {
        return mongo.find(Query.query(Criteria.where("itemId").is(item.id())).with(Sort.by("seq")), Stored.class);
    }


    /** When the item's events above this version were made: one time for all that one write made. */
    private static List<String> timesOfVersionsAbove(List<JsonNode> events, long version) {
        return events.stream().filter(event -> event.get("version").asLong() > version)
                .map(event -> event.get("occurredAt").asString()).toList();
    }

    private static List<Arrival> poll(ReportSubmitted... reports) {
        return Stream.of(reports).map(ReportPollIntegrationTests::arrival).toList();
    }

    private static Arrival arrival(ReportSubmitted report) {
        return new Arrival(report, Runnable::run);
    }

    private static ReportSubmitted report(String articleId, int n, Category category) {
        return new ReportSubmitted(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MILLIS), articleId, 1,
                category, "passage " + n, "comment #" + n, false);
    }

    private static String id(ReportSubmitted report) {
        return report.eventId().toString();
    }
}
