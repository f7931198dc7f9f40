package org.erratum.feedback.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.Topics;
import org.erratum.feedback.report.Report;
import org.erratum.feedback.vote.Vote;
import org.erratum.platform.outbox.Outbox;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The relay drains whatever is pending in the outbox. These tests store entries directly, as intake (or an
 * instance that stopped before relaying them) leaves them, and watch them arrive on Kafka.
 */
@IntegrationTest
class OutboxRelayIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RELAY_WAIT = Duration.ofSeconds(60);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Outbox<Vote> voteOutbox;

    @Autowired
    Outbox<Report> reportOutbox;

    @Test
    void aPendingVoteIsPublishedAndThenMarkedPublished() {
        String eventId = UUID.randomUUID().toString();
        String articleId = "article-" + UUID.randomUUID();
        mongo.insert(vote(articleId, eventId, Instant.now()));

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(Topics.VOTES,
                r -> eventId.equals(TopicProbe.header(r, "ce_id")));

        assertThat(record.key()).isEqualTo(articleId);
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("erratum.feedback.vote-cast.v1");
        assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/erratum/feedback-service");
        await().atMost(RELAY_WAIT).until(() -> mongo.findById(articleId + ":1:" + eventId, Vote.class).published());
    }

    @Test
    void aPendingReportIsPublishedWithTheTimeItWasAccepted() {
        String id = UUID.randomUUID().toString();
        String articleId = "article-" + UUID.randomUUID();
        Instant acceptedAt = Instant.parse("2026-01-02T03:04:05.678Z");
        mongo.insert(new Report(id, articleId, 1, ReportSubmitted.Category.INACCURATE, null, "Wrong dose", true, id,
                acceptedAt, false, List.of(), false));
        reportOutbox.requestSweep();

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(Topics.REPORTS,
                r -> id.equals(TopicProbe.header(r, "ce_id")));

        JsonNode event = JSON.readTree(record.value());
        assertThat(event.get("occurredAt").asString()).isEqualTo("2026-01-02T03:04:05.678Z");
        assertThat(event.get("outcomeRequested").asBoolean()).isTrue();
        await().atMost(RELAY_WAIT).until(() -> mongo.findById(id, Report.class).published());
    }

    @Test
    void anArticlesPendingVotesArePublishedInTheOrderTheyWereAccepted() {
        String articleId = "article-" + UUID.randomUUID();
        Instant first = Instant.parse("2026-02-03T10:00:00Z");
        List<String> acceptanceOrder = new ArrayList<>();
        List<Vote> votes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String eventId = UUID.randomUUID().toString();
            acceptanceOrder.add(eventId);
            votes.add(vote(articleId, eventId, first.plusMillis(i)));
        }
        Collections.shuffle(votes); // stored in another order than accepted
        mongo.insert(votes, Vote.class);
        voteOutbox.requestSweep();

        await().atMost(RELAY_WAIT).until(() -> mongo.count(
                query(where("articleId").is(articleId).and("published").is(true)), Vote.class) == votes.size());

        List<String> published = TopicProbe.records(Topics.VOTES).stream()
                .filter(r -> articleId.equals(r.key()))
                .map(r -> TopicProbe.header(r, "ce_id"))
                .distinct() // another relay run may have sent an entry again; consumers dedupe by event id
                .toList();
        assertThat(published).containsExactlyElementsOf(acceptanceOrder);
    }

    @Test
    void spamIsNeverPublished() {
        String articleId = "article-" + UUID.randomUUID();
        String spamEventId = UUID.randomUUID().toString();
        String genuineEventId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        mongo.insert(new Vote("spam:" + spamEventId, articleId, 1, "bot", true, null, spamEventId, now, true,
                List.of("honeypot"), true));
        mongo.insert(vote(articleId, genuineEventId, now.plusMillis(1)));
        voteOutbox.requestSweep();

        await().atMost(RELAY_WAIT)
                .until(() -> mongo.findById(articleId + ":1:" + genuineEventId, Vote.class).published());

        assertThat(TopicProbe.records(Topics.VOTES)).filteredOn(r -> articleId.equals(r.key()))
                .extracting(r -> TopicProbe.header(r, "ce_id")).containsOnly(genuineEventId);
    }

    /** A genuine vote as intake stores it; the reader key is the event id, so every vote is a reader's own. */
    private static Vote vote(String articleId, String eventId, Instant acceptedAt) {
        return new Vote(articleId + ":1:" + eventId, articleId, 1, eventId, true, null, eventId, acceptedAt, false,
                List.of(), false);
    }
}
