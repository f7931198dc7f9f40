package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.erratum.platform.web.IdempotencyKey;
import org.erratum.review.Fixtures;
import org.erratum.review.ReviewApplication;
import org.erratum.testsupport.Endpoints;
import org.erratum.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The queue head outlives the service, and a crash may have lost the sync of an item's last write: a start
 * therefore trusts no head it finds, and claim-next takes what the items say. The review service runs here in
 * contexts of its own on the shared broker and store, each on a database of its own.
 */
class QueueHeadRestartIntegrationTests {

    private static final Staff SENIOR = new Staff("senior", true);

    @Test
    void afterARestartClaimNextTakesAnItemWhoseSyncACrashLost() {
        String database = "review-queue-head-restart-" + Fixtures.newArticleId();
        Endpoints infrastructure = TestInfrastructure.endpoints();
        // far above anything a report makes, so that items other tests' reports open here come after these
        String first = storeItem(infrastructure, database, 50_000);
        String second = storeItem(infrastructure, database, 40_000);
        try (ConfigurableApplicationContext review = reviewService(infrastructure, database)) {
            assertThat(claimNext(review)).isEqualTo(first);
        }

        // written as the service writes an item, but the crash came before its sync into the head
        String missed = storeItem(infrastructure, database, 60_000);
        try (ConfigurableApplicationContext review = reviewService(infrastructure, database)) {
            assertThat(claimNext(review)).isEqualTo(missed);
            assertThat(claimNext(review)).isEqualTo(second);
        }
    }

    private static String claimNext(ConfigurableApplicationContext review) {
        return review.getBean(Claims.class).claimNext(SENIOR, IdempotencyKey.random()).orElseThrow().id();
    }

    private static String storeItem(Endpoints infrastructure, String database, double priority) {
        ObjectId id = new ObjectId();
        String articleId = Fixtures.newArticleId();
        Date created = Date.from(Instant.now().minus(Duration.ofHours(1)));
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri(database))) {
            client.getDatabase(database).getCollection("review_items").insertOne(new Document("_id", id)
                    .append("articleId", articleId).append("groupKey", articleId).append("state", "OPEN")
                    .append("severity", "URGENT").append("priority", priority).append("escalated", false)
                    .append("reportCount", 1).append("createdAt", created).append("updatedAt", created)
                    .append("version", 1L).append("activityCount", 0L));
        }
        return id.toHexString();
    }

    private static ConfigurableApplicationContext reviewService(Endpoints infrastructure, String database) {
        return new SpringApplicationBuilder(ReviewApplication.class).run("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + infrastructure.mongoUri(database),
                "--" + Endpoints.EMBEDDED_STORE_SETTING + "=" + infrastructure.embeddedStore(),
                "--erratum.group-suffix=-queue-head-restart");
    }
}
