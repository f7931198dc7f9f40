package org.erratum.feedback.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.Topics;
import org.erratum.feedback.report.Report;
import org.erratum.feedback.vote.Vote;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Feedback whose publish failed while the reader waited (the request answered 503) is stored unpublished; these
 * tests store such documents directly, as the failed request left them, and watch the relay deliver them.
 */
@IntegrationTest
class OutboxRelayIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RELAY_WAIT = Duration.ofSeconds(60);

    @Autowired
    MongoTemplate mongo;

    @Test
    void whenAVoteWasStoredButNotPublishedThenTheRelayPublishesIt() {
        String eventId = UUID.randomUUID().toString();
        String articleId = "article-" + UUID.randomUUID();
        mongo.insert(new Vote(articleId + ":1:reader-key", articleId, 1, "reader-key", true, null, eventId,
                Instant.now().minus(Duration.ofMinutes(5)), false));

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(Topics.VOTES,
                r -> eventId.equals(TopicProbe.header(r, "ce_id")));

        assertThat(record.key()).isEqualTo(articleId);
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("erratum.feedback.vote-cast.v1");
        await().atMost(RELAY_WAIT).until(() -> mongo.findById(articleId + ":1:reader-key", Vote.class).published());
    }

    @Test
    void whenAReportWasStoredButNotPublishedThenTheRelayPublishesItWithoutTheContactEmail() {
        String id = UUID.randomUUID().toString();
        String articleId = "article-" + UUID.randomUUID();
        Instant acceptedAt = Instant.parse("2026-01-02T03:04:05.678Z");
        mongo.insert(new Report(id, articleId, 1, ReportSubmitted.Category.INACCURATE, null, "Wrong dose",
                "relay.reader@example.org", acceptedAt.plus(Duration.ofDays(90)), true, id, acceptedAt, false));

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(Topics.REPORTS,
                r -> id.equals(TopicProbe.header(r, "ce_id")));

        JsonNode event = JSON.readTree(record.value());
        assertThat(event.get("occurredAt").asString()).isEqualTo("2026-01-02T03:04:05.678Z");
        assertThat(event.get("outcomeRequested").asBoolean()).isTrue();
        assertThat(record.value()).doesNotContain("relay.reader@example.org");
        await().atMost(RELAY_WAIT).until(() -> mongo.findById(id, Report.class).published());
    }
}
