package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.review.Fixtures;
import org.erratum.review.article.KnownArticles;
import org.erratum.review.queue.ReviewItem.HelpfulnessSignal;
import org.erratum.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * A poll's votes flag the articles whose current revisions readers find unhelpful together: each article's item takes
 * the latest measurement, or opens, as when they were flagged one at a time.
 */
@IntegrationTest
class LowHelpfulnessPollIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Signals signals;

    @Autowired
    KnownArticles articles;

    @Autowired
    QueueProperties properties;

    @Autowired
    Claims claims;

    @Autowired
    MeterRegistry registry;

    private final String reported = Fixtures.newArticleId();
    private final String flagged = Fixtures.newArticleId();
    private final String fresh = Fixtures.newArticleId();

    @Test
    void aPollsFlagsJoinTheActiveItemsAndOpenOneForTheArticleWithout() {
        articles.apply(Fixtures.article(fresh, 3, 3, LocalDate.now(ZoneOffset.UTC).minusDays(10)));
        signals.addReport(report(reported));
        signals.flagAllLowHelpfulness(Map.of(flagged, signal(1, 0.40, 22)));
        double opened = openedByLowHelpfulness();
        HelpfulnessSignal onReported = signal(1, 0.30, 25);
        HelpfulnessSignal onFlagged = signal(1, 0.35, 30);
        HelpfulnessSignal onFresh = signal(3, 0.20, 40);

        signals.flagAllLowHelpfulness(Map.of(reported, onReported, flagged, onFlagged, fresh, onFresh));

        ReviewItem joinedReports = itemOf(reported);
        assertThat(joinedReports.sources()).containsExactlyInAnyOrder(Source.READER_REPORT, Source.LOW_HELPFULNESS);
        assertThat(joinedReports.reportCount()).isEqualTo(1);
        assertThat(joinedReports.helpfulness()).isEqualTo(onReported);
        assertThat(joinedReports.version()).as("opened by the report, then flagged").isEqualTo(2);
        ReviewItem flaggedAgain = itemOf(flagged);
        assertThat(flaggedAgain.helpfulness()).as("the latest measurement").isEqualTo(onFlagged);
        assertThat(flaggedAgain.sources()).containsExactly(Source.LOW_HELPFULNESS);
        assertThat(flaggedAgain.version()).isEqualTo(2);
        ReviewItem openedNow = itemOf(fresh);
        assertThat(openedNow.sources()).containsExactly(Source.LOW_HELPFULNESS);
        assertThat(openedNow.severity()).isEqualTo(Severity.NORMAL);
        assertThat(openedNow.helpfulness()).isEqualTo(onFresh);
        assertThat(openedNow.openedAtRevision()).as("the known article's revision").isEqualTo(3);
        assertThat(openedNow.priority()).as("with its article's review 10 days overdue")
                .isEqualTo(properties.priority(Severity.NORMAL, 0, 10, 0.5 - 0.20));
        assertThat(openedNow.version()).isEqualTo(1);
        assertThat(openedByLowHelpfulness() - opened).as("one item opened").isEqualTo(1);
        assertThat(List.of(joinedReports, flaggedAgain, openedNow)).extracting(ReviewItem::updatedAt)
                .as("written in one bulk for the poll, not one article after another")
                .containsOnly(openedNow.updatedAt());
        assertThat(List.of(joinedReports, flaggedAgain, openedNow)).allSatisfy(item -> {
            assertThat(item.outbox()).as("announced").isEmpty();
            assertThat(StoredItems.eventsOf(item.id(), item.version())).extracting(event -> event.get("version").asLong())
                    .as("an event for each version").containsOnlyOnceElementsOf(
                            LongStream.rangeClosed(1, item.version()).boxed().toList());
        });
    }

    /**
     * A reviewer claims an item between the poll's read of it and the bulk: its compare-and-set in the bulk finds it
     * changed and it is flagged again on its own, the claim kept, while the other article's write stands.
     */
    @Test
    void anItemClaimedWhileAPollsFlagsAreWrittenKeepsTheClaimAndTakesTheMeasurement() {
        signals.flagAllLowHelpfulness(Map.of(flagged, signal(1, 0.40, 22)));
        String id = itemOf(flagged).id();
        Interleaving clock = new Interleaving();
        clock.atNextReading(() -> claims.claim(id, new Staff("reviewer", false), null));
        HelpfulnessSignal latest = signal(1, 0.30, 26);

        clock.signals(context).flagAllLowHelpfulness(Map.of(flagged, latest, fresh, signal(1, 0.25, 21)));

        ReviewItem item = itemOf(flagged);
        assertThat(clock.interleaved()).as("the claim came between the read and the write").isTrue();
        assertThat(item.state()).isEqualTo(ItemState.CLAIMED);
        assertThat(item.claimedBy()).isEqualTo("reviewer");
        assertThat(item.helpfulness()).isEqualTo(latest);
        assertThat(item.version()).as("opened, claimed, flagged").isEqualTo(3);
        assertThat(item.outbox()).isEmpty();
        // the claim's event, handed to the relay, may reach Kafka twice: the poll's announcement sends what is
        // pending in the item's outbox too (at least once; consumers take an item's event by its version)
        assertThat(StoredItems.eventsOf(id, 3)).extracting(event -> event.get("version").asLong()).containsOnly(1L, 2L, 3L);
        assertThat(itemOf(fresh).helpfulness().votes()).as("the other write of the bulk stands").isEqualTo(21);
        assertThat(itemOf(fresh).version()).isEqualTo(1);
    }


    private double openedByLowHelpfulness() {
        return registry.get("erratum.review.items.opened").tag("source", Source.LOW_HELPFULNESS.name()).counter()
                .count();
    }

    private ReviewItem itemOf(String articleId) {
        return mongo.findOne(Query.query(Criteria.where("articleId").is(articleId)), ReviewItem.class);
    }


    private static HelpfulnessSignal signal(int revision, double score, long votes) {
        return new HelpfulnessSignal(revision, score, votes, 0.5);
    }

    private static ReportSubmitted report(String articleId) {
        return new ReportSubmitted(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MILLIS), articleId, 1,
                Category.OTHER, "passage", "comment", false);
    }
}
