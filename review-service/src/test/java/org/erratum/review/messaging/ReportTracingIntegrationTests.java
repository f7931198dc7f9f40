package org.erratum.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.erratum.events.CloudEventHeaders;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.events.Topics;
import org.erratum.review.Fixtures;
import org.erratum.review.queue.ReviewItem;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.json.JsonMapper;

/**
 * A report continues the trace its record carries (W3C {@code traceparent}, as the feedback service's relay sends
 * it): the log line saying the report opened or joined a review item carries that trace id, so the trace leads
 * from a reader's request to the item.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ReportTracingIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    MongoTemplate mongo;

    @Test
    void theItemsLogLinesCarryTheTraceOfEachReport(CapturedOutput output) {
        String articleId = Fixtures.newArticleId();
        String openingTrace = hex(32);
        String openingSpan = hex(16);
        publishInTrace(Fixtures.report(articleId, Category.INACCURATE), openingTrace, openingSpan);

        String opened = awaitLogLine(output, articleId, "opened it");

        ReviewItem item = mongo.findOne(Query.query(Criteria.where("articleId").is(articleId)), ReviewItem.class);
        assertThat(opened).contains("Review item " + item.id()).contains("READER_REPORT")
                .contains("[" + openingTrace + "-")
                .as("in a span of the review service's own").doesNotContain(openingSpan)
                .as("no reader text").doesNotContain("This dose looks wrong").doesNotContain("Take two tablets");

        String joiningTrace = hex(32);
        publishInTrace(Fixtures.report(articleId, Category.OUT_OF_DATE), joiningTrace, hex(16));

        assertThat(awaitLogLine(output, articleId, "joined it")).contains("Review item " + item.id())
                .contains("[" + joiningTrace + "-").doesNotContain(openingTrace);
    }

    private static void publishInTrace(ReportSubmitted report, String traceId, String parentSpanId) {
        Map<String, String> headers = new HashMap<>(CloudEventHeaders.of(report, "/erratum/feedback-service"));
        headers.put("traceparent", "00-" + traceId + "-" + parentSpanId + "-01");
        TopicProbe.send(Topics.REPORTS, report.articleId(), JSON.writeValueAsString(report), headers);
    }

    private static String awaitLogLine(CapturedOutput output, String articleId, String saying) {
        return await().atMost(WAIT).until(() -> output.getOut().lines()
                .filter(line -> line.contains(articleId) && line.contains(saying)).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static String hex(int digits) {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, digits);
    }
}
