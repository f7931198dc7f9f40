package org.erratum.review.signoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.erratum.events.Reviewer;
import org.erratum.events.Topics;
import org.erratum.review.Fixtures;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sign-off stored but never published, as an instance leaves it when Kafka did not acknowledge and it stopped
 * before its relay ran: the relay of a running instance (every instance runs one from its start) publishes it
 * as the decision content-service applies, and marks it published.
 */
@IntegrationTest
class SignOffRelayIntegrationTests {

    @Autowired
    MongoTemplate mongo;

    @Test
    void aSignOffStoredButNotPublishedIsPublishedByTheRelay() {
        String articleId = Fixtures.newArticleId();
        // older than the relay's grace: the request that stored it is long gone
        Instant reviewedAt = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);
        SignOff stranded = mongo.insert(new SignOff(UUID.randomUUID().toString(), articleId, 3,
                new Reviewer("Dr Tomas Lindqvist", "MD, FRCP"), "senior", reviewedAt, null, false));

        var record = TopicProbe.awaitRecord(Topics.DECISIONS, r -> articleId.equals(r.key()));

        assertThat(TopicProbe.header(record, "ce_id")).isEqualTo(stranded.id());
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("erratum.review.article-signed-off.v1");
        JsonNode decision = JsonMapper.builder().build().readTree(record.value());
        assertThat(decision.get("revision").asInt()).isEqualTo(3);
        assertThat(Instant.parse(decision.get("reviewedAt").asString())).isEqualTo(reviewedAt);
        assertThat(decision.get("reviewer").get("credentials").asString()).isEqualTo("MD, FRCP");
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(stranded.id(), SignOff.class).published());
    }
}
