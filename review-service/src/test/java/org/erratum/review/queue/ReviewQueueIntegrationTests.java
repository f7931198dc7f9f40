package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.erratum.events.CloudEventHeaders;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.events.Topics;
import org.erratum.review.Fixtures;
import org.erratum.testsupport.Scrape;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@IntegrationTest
class ReviewQueueIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Claims claims;

    TestClient reviewer() {
        return TestClient.onPort(port).as("reviewer", "reviewer-dev-password");
    }

    TestClient senior() {
        return TestClient.onPort(port).as("senior", "senior-dev-password");
    }

    private ReviewItem awaitItem(String articleId, int reports) {
        return StoredItems.awaitItem(mongo, articleId, reports);
    }

    @Test
    void reportsOnOneArticleJoinOneOpenItem() {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.report(articleId, Category.OUT_OF_DATE));
        TopicProbe.publish(Fixtures.report(articleId, Category.BROKEN_REFERENCE));

        ReviewItem item = awaitItem(articleId, 2);

        assertThat(mongo.count(Query.query(Criteria.where("articleId").is(articleId)), ReviewItem.class)).isEqualTo(1);
        assertThat(item.state()).isEqualTo(ItemState.OPEN);
        assertThat(item.severity()).isEqualTo(Severity.NORMAL);
        assertThat(item.categories()).containsEntry(Category.OUT_OF_DATE, 1).containsEntry(Category.BROKEN_REFERENCE, 1);
        assertThat(item.latestReports()).extracting(ReviewItem.Report::passage)
                .containsOnly("Take two tablets every hour");
    }

    /**
     * Consumers are tolerant readers: a later version of the contract may add fields, and the strict JSON of the
     * HTTP API must not reach the mapper events are read with.
     */
    @Test
    void aReportCarryingFieldsThisVersionDoesNotKnowIsStillQueued() {
        String articleId = Fixtures.newArticleId();
        ReportSubmitted report = Fixtures.report(articleId, Category.INACCURATE);
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode body = (ObjectNode) json.valueToTree(report);
        body.put("addedInALaterVersion", "ignored");
        body.putObject("nested").put("field", 1);

        TopicProbe.send(Topics.REPORTS, articleId, json.writeValueAsString(body),
                CloudEventHeaders.of(report, "/erratum/feedback-service"));

        assertThat(awaitItem(articleId, 1).categories()).containsEntry(Category.INACCURATE, 1);
    }

    @Test
    void whenSafetyReportArrivesThenItemIsUrgentAndLeadsTheQueue() {
        String ordinary = Fixtures.newArticleId();
        String dangerous = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.report(ordinary, Category.OTHER));
        TopicProbe.publish(Fixtures.report(dangerous, Category.OTHER));
        awaitItem(dangerous, 1);
        TopicProbe.publish(Fixtures.report(dangerous, Category.SAFETY_CONCERN));

        ReviewItem item = awaitItem(dangerous, 2);

        assertThat(item.severity()).isEqualTo(Severity.URGENT);
        JsonNode queue = reviewer().get("/api/review/items").json();
        assertThat(queue.get(0).get("severity").asString()).isEqualTo("URGENT");
        assertThat(queue.get(0).has("groupKey")).isFalse();
    }

    /** The queue API pages the queue, most pressing first, its Link header leading from the first page to the last. */
    @Test
    void theQueueIsReadPageByPageEachItemOnce() {
        List<String> ours = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            String articleId = Fixtures.newArticleId();
            TopicProbe.publish(Fixtures.report(articleId, Category.OTHER));
            String id = awaitItem(articleId, 1).id();
            // far below any real priority, in this order: these five end the queue, whatever other tests left in it
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("priority", -1e12 - n),
                    ReviewItem.class);
            ours.add(id);
        }
        TestClient reviewer = reviewer();

        TestClient.Response page = reviewer.get("/api/review/items?limit=2");
        assertThat(page.headers().allValues("Link")).containsExactly(
                "</api/review/items?limit=2&page=2>; rel=\"next\"");
        List<String> seen = new ArrayList<>();
        int pages = 1;
        while (true) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(ids(page)).as("page %d", pages).isNotEmpty().hasSizeLessThanOrEqualTo(2);
            seen.addAll(ids(page));
            if (page.nextPage() == null) {
                break;
            }
            page = reviewer.get(page.nextPage());
            pages++;
        }

        assertThat(page.headers().allValues("Link")).as("the last page links back only").containsExactly(
                "</api/review/items?limit=2&page=" + (pages - 1) + ">; rel=\"prev\"");
        assertThat(seen).as("every active item, each once").doesNotHaveDuplicates()
                .hasSize((int) mongo.count(Query.query(Criteria.where("state").in(ItemState.ACTIVE)),
                        ReviewItem.class));
        assertThat(seen.subList(seen.size() - ours.size(), seen.size())).as("the least pressing, last")
                .containsExactlyElementsOf(ours);
    }

    @Test
    void aLimitOutsideOneTo200IsRefusedNamingIt() {
        TestClient.Response refused = reviewer().get("/api/review/items?limit=201");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
    }

    private static List<String> ids(TestClient.Response page) {
        List<String> ids = new ArrayList<>();
        page.json().forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    @Test
    void theSameReportDeliveredTwiceChangesNothing() {
        String articleId = Fixtures.newArticleId();
        ReportSubmitted report = Fixtures.report(articleId, Category.INACCURATE);
        TopicProbe.publish(report);
        awaitItem(articleId, 1);
        TopicProbe.publish(report);
        TopicProbe.publish(Fixtures.report(articleId, Category.OTHER));

        ReviewItem item = awaitItem(articleId, 2);

        assertThat(item.latestReports()).extracting(ReviewItem.Report::eventId).doesNotHaveDuplicates()
                .contains(report.eventId().toString());
        assertThat(mongo.findById(report.eventId().toString(), ItemReports.Stored.class).itemId()).isEqualTo(item.id());
    }

    @Test
    void aPoisonReportGoesToTheDeadLetterTopicAndTheNextOneIsQueued() {
        double deadLettersBefore = deadLetters(Topics.REPORTS);
        String articleId = Fixtures.newArticleId();
        TopicProbe.send(Topics.REPORTS, articleId, "{this is not json", Map.of("ce_type",
                "erratum.feedback.report-submitted.v1"));
        TopicProbe.publish(Fixtures.report(articleId, Category.OTHER));

        awaitItem(articleId, 1);
        var dead = TopicProbe.awaitRecord("error.feedback.reports.review-service",
                r -> articleId.equals(r.key()));
        assertThat(dead.value()).isEqualTo("{this is not json");
        assertThat(deadLetters(Topics.REPORTS) - deadLettersBefore).isEqualTo(1);
    }

    private double deadLetters(String topic) {
        return Scrape.of(port).value("erratum_messaging_dead_letters_total", "application", "review-service",
                "topic", topic);
    }

    @Test
    void aClaimedItemIsResolvedAsRevisedOnlyByItsHolder() {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.article(articleId, 1, 1));
        TopicProbe.publish(Fixtures.article(articleId, 2, 2));
        TopicProbe.publish(Fixtures.report(articleId, Category.INACCURATE));
        String id = awaitItem(articleId, 1).id();
        await().atMost(WAIT).until(() -> mongo.findById(articleId,
                org.erratum.review.article.KnownArticle.class), a -> a != null && a.revision() == 2);

        assertThat(reviewer().post("/api/review/items/" + id + "/claim", "").status()).isEqualTo(200);
        var otherClaim = senior().post("/api/review/items/" + id + "/claim", "");
        assertThat(otherClaim.status()).isEqualTo(409);
        assertThat(otherClaim.json().get("detail").asString()).contains("CLAIMED by reviewer");
        var byOther = senior().post("/api/review/items/" + id + "/resolve",
                Map.of("outcome", "REVISED", "revision", 2, "summary", "Dose corrected"));
        assertThat(byOther.status()).isEqualTo(409);
        var unknownRevision = reviewer().post("/api/review/items/" + id + "/resolve",
                Map.of("outcome", "REVISED", "revision", 7, "summary", "Dose corrected"));
        assertThat(unknownRevision.status()).isEqualTo(422);
        assertThat(unknownRevision.json().get("errors").get(0).get("field").asString()).isEqualTo("revision");

        var resolved = reviewer().post("/api/review/items/" + id + "/resolve",
                Map.of("outcome", "REVISED", "revision", 2, "summary", "Dose corrected"));

        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().get("state").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().get("resolution").get("revision").asInt()).isEqualTo(2);
        assertThat(resolved.json().get("activity")).extracting(a -> a.get("action").asString())
                .containsExactly("claimed", "resolved");
        assertThat(reviewer().post("/api/review/items/" + id + "/release", "").status()).isEqualTo(409);
    }

    @Test
    void aReportAfterResolutionOpensANewItem() {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.report(articleId, Category.OTHER));
        String first = awaitItem(articleId, 1).id();
        reviewer().post("/api/review/items/" + first + "/claim", "");
        reviewer().post("/api/review/items/" + first + "/resolve",
                Map.of("outcome", "NO_CHANGE_NEEDED", "summary", "The text is correct"));

        TopicProbe.publish(Fixtures.report(articleId, Category.OTHER));

        await().atMost(WAIT).until(() -> StoredItems.count(mongo, Query.query(Criteria.where("articleId")
                .is(articleId))) == 2);
    }

    @Test
    void releaseNoteAndEscalationAreLoggedAndEscalatedItemsNeedASenior() {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.report(articleId, Category.QUESTIONABLE_SOURCE));
        String id = awaitItem(articleId, 1).id();

        reviewer().post("/api/review/items/" + id + "/claim", "");
        reviewer().withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/review/items/" + id + "/notes", Map.of("text", "Checking the cited trial"));
        assertThat(reviewer().post("/api/review/items/" + id + "/release", "").json().get("state").asString())
                .isEqualTo("OPEN");
        reviewer().post("/api/review/items/" + id + "/claim", "");
        var escalated = reviewer().post("/api/review/items/" + id + "/escalate",
                Map.of("text", "Needs a pharmacist's view"));
        assertThat(escalated.json().get("state").asString()).isEqualTo("ESCALATED");
        assertThat(reviewer().post("/api/review/items/" + id + "/claim", "").status()).isEqualTo(409);

        var bySenior = senior().post("/api/review/items/" + id + "/claim", "");

        assertThat(bySenior.status()).isEqualTo(200);
        assertThat(bySenior.json().get("claimedBy").asString()).isEqualTo("senior");
        assertThat(bySenior.json().get("activity")).extracting(a -> a.get("action").asString())
                .containsExactly("claimed", "note", "released", "claimed", "escalated", "claimed");
        assertThat(bySenior.json().get("activity").get(4).get("detail").asString())
                .isEqualTo("Needs a pharmacist's view");
    }

    @Test
    void anExpiredLeaseLetsAnotherReviewerClaimAndTheSweepReturnsItems() {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(Fixtures.report(articleId, Category.OTHER));
        String id = awaitItem(articleId, 1).id();
        senior().post("/api/review/items/" + id + "/claim", "");
        expireLease(id);

        assertThat(reviewer().post("/api/review/items/" + id + "/claim", "").json().get("claimedBy").asString())
                .isEqualTo("reviewer");

        expireLease(id);
        claims.returnExpiredLeases();
        ReviewItem returned = StoredItems.item(mongo, id);
        assertThat(returned.state()).isEqualTo(ItemState.OPEN);
        assertThat(returned.claimedBy()).isNull();
        assertThat(returned.activity()).extracting(ReviewItem.Activity::action).endsWith("lease expired");
    }

    private void expireLease(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                Update.update("leaseExpiresAt", Instant.now().minusSeconds(1)), ReviewItem.class);
    }

    @Test
    void aBatchIsMarkedAsSpamExceptItemsSomeoneElseHolds() {
        String a = Fixtures.newArticleId();
        String b = Fixtures.newArticleId();
        String c = Fixtures.newArticleId();
        for (String articleId : List.of(a, b, c)) {
            TopicProbe.publish(Fixtures.report(articleId, Category.OTHER));
        }
        String itemA = awaitItem(a, 1).id();
        String itemB = awaitItem(b, 1).id();
        String itemC = awaitItem(c, 1).id();
        senior().post("/api/review/items/" + itemC + "/claim", "");

        JsonNode result = reviewer().post("/api/review/items/spam",
                Map.of("itemIds", List.of(itemA, itemB, itemC), "summary", "Same advert pasted three times")).json();

        assertThat(result.get("marked")).extracting(JsonNode::asString).containsExactly(itemA, itemB);
        assertThat(result.get("skipped")).extracting(JsonNode::asString).containsExactly(itemC);
        ReviewItem spam = StoredItems.item(mongo, itemA);
        assertThat(spam.state()).isEqualTo(ItemState.RESOLVED);
        assertThat(spam.resolution().outcome()).isEqualTo(Outcome.SPAM);
        assertThat(spam.activity()).extracting(ReviewItem.Activity::by).containsExactly("reviewer");
        assertThat(StoredItems.item(mongo, itemC).state()).isEqualTo(ItemState.CLAIMED);
        assertThat(reviewer().post("/api/review/items/spam", Map.of("itemIds", List.of(), "summary", "x")).status())
                .isEqualTo(400);
    }

    @Test
    void readersAndBadInputNeverReachTheQueue() {
        assertThat(TestClient.onPort(port).get("/api/review/items").status()).isEqualTo(401);
        assertThat(TestClient.onPort(port).as("reviewer", "wrong").get("/api/review/items").status()).isEqualTo(401);
        var bad = reviewer().post("/api/review/items/nope/resolve", Map.of("outcome", "MAYBE", "summary", "x"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("outcome");
        assertThat(reviewer().post("/api/review/items/nope/claim", "").status()).isEqualTo(404);
        assertThat(TestClient.onPort(port).get("/actuator/health").status()).isEqualTo(200);
        assertThat(TestClient.onPort(port).getText("/actuator/prometheus").body())
                .contains("application=\"review-service\"");
        assertThat(TestClient.onPort(port).get("/actuator/env").status()).isIn(401, 403, 404);
    }
}
