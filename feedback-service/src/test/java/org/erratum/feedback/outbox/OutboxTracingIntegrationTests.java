package org.erratum.feedback.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.Topics;
import org.erratum.feedback.TestArticles;
import org.erratum.feedback.report.Report;
import org.erratum.platform.outbox.Outbox;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader's request and the event the relay publishes later, on its own thread, belong to one trace: intake keeps
 * the request's W3C trace context with the outbox entry, and the record carries it on in its {@code traceparent}
 * header, under a span of this service's.
 */
@IntegrationTest
class OutboxTracingIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Outbox<Report> reports;

    @Test
    void aReportsEventContinuesTheTraceOfTheRequestThatSubmittedIt() {
        String articleId = TestArticles.newArticleId();
        TestArticles.publishAndAwait(TestArticles.article(articleId, "aspirin-" + articleId, 1, 1), mongo);
        Traceparent caller = Traceparent.random();

        Response response = TestClient.onPort(port).withHeader("traceparent", caller.value())
                .post("/api/feedback/reports", """
                {"articleId":"%s","revision":1,"category":"INACCURATE","comment":"The dose is wrong"}"""
                .formatted(articleId));

        assertThat(response.status()).isEqualTo(202);
        String id = JSON.readTree(response.body()).get("id").asString();
        assertThat(Traceparent.parse(mongo.findById(id, Report.class).traceparent()).traceId())
                .as("stored with the outbox entry").isEqualTo(caller.traceId());
        Traceparent published = publishedTraceparent(id);
        assertThat(published.traceId()).isEqualTo(caller.traceId());
        assertThat(published.parentId()).as("a span of the feedback service's").isNotEqualTo(caller.parentId());
    }

    @Test
    void anEntryLeftInTheStoreKeepsItsTraceWhenASweepPublishesIt() {
        String id = UUID.randomUUID().toString();
        Traceparent intake = Traceparent.random();
        mongo.insert(new Report(id, "article-" + UUID.randomUUID(), 1, ReportSubmitted.Category.OTHER, null,
                "Stored by an instance that stopped before relaying it", false, id, Instant.now(), false, List.of(),
                false, intake.value()));
        reports.requestSweep();

        Traceparent published = publishedTraceparent(id);

        assertThat(published.traceId()).isEqualTo(intake.traceId());
        assertThat(published.parentId()).isNotEqualTo(intake.parentId());
    }

    private static Traceparent publishedTraceparent(String eventId) {
        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(Topics.REPORTS,
                r -> eventId.equals(TopicProbe.header(r, "ce_id")));
        String traceparent = TopicProbe.header(record, "traceparent");
        assertThat(traceparent).as("traceparent header").isNotNull();
        return Traceparent.parse(traceparent);
    }

    /** A W3C {@code traceparent}: version 00, a 32-hex trace id, a 16-hex parent span id, flags (01: sampled). */
    record Traceparent(String traceId, String parentId) {

        static Traceparent random() {
            String hex = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
            return new Traceparent(hex.substring(0, 32), hex.substring(32, 48));
        }

        static Traceparent parse(String value) {
            assertThat(value).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
            String[] parts = value.split("-");
            return new Traceparent(parts[1], parts[2]);
        }

        String value() {
            return "00-" + traceId + "-" + parentId + "-01";
        }
    }
}
