package org.erratum.review.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.erratum.events.ReportSubmitted;
import org.erratum.events.ReportSubmitted.Category;
import org.erratum.events.Topics;
import org.erratum.review.Fixtures;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A senior reviewer's interim notice on the article page, while a reader's safety concern is checked. */
@IntegrationTest
class SafetyNoticeIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String NOTICE = "The dosing advice on this page is being checked by our clinicians.";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private TestClient as(String user) {
        return TestClient.onPort(port).asDevAccount(user);
    }

    private ReviewItem reported(Category category) {
        String articleId = Fixtures.newArticleId();
        TopicProbe.publish(new ReportSubmitted(UUID.randomUUID(), Instant.now(), articleId, 1, category,
                "Take two tablets", "Is this right?", false));
        return StoredItems.awaitItem(mongo, articleId, 1);
    }

    private static String notice(ReviewItem item) {
        return "/api/review/items/" + item.id() + "/safety-notice";
    }

    private ReviewItem reload(ReviewItem item) {
        return StoredItems.item(mongo, item.id());
    }

    @Test
    void aSeniorReviewerPutsANoticeOnTheArticleAtOnceAndAReviewerCannot() {
        ReviewItem item = reported(Category.SAFETY_CONCERN);

        assertThat(as("reviewer").put(notice(item), Map.of("text", NOTICE)).status()).isEqualTo(403);
        assertThat(as("editor").put(notice(item), Map.of("text", NOTICE)).status()).isEqualTo(403);
        assertThat(reload(item).safetyNotice()).isNull();
        assertThat(reload(item).version()).as("a refused call changes nothing").isEqualTo(item.version());

        var set = as("senior").put(notice(item), Map.of("text", "  " + NOTICE + " "));

        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("safetyNotice").get("text").asString()).isEqualTo(NOTICE);
        assertThat(reload(item).safetyNotice().by()).isEqualTo("senior");
        assertThat(reload(item).activity()).extracting(ReviewItem.Activity::action).contains("safety notice set");
        assertThat(latestEvent(item, 2).get("safetyNotice").asString()).isEqualTo(NOTICE);
        assertThat(as("admin").put(notice(item), Map.of("text", "Being checked.")).status())
                .as("an administrator may do what a senior reviewer may").isEqualTo(200);
    }

    @Test
    void aNoticeIsRefusedWhereNoSafetyConcernWasReportedOrWhenItIsNotOneShortLine() {
        ReviewItem ordinary = reported(Category.OUT_OF_DATE);
        var notSafety = as("senior").put(notice(ordinary), Map.of("text", NOTICE));
        assertThat(notSafety.status()).isEqualTo(409);
        assertThat(notSafety.json().get("detail").asString()).contains("no safety-concern report");

        ReviewItem item = reported(Category.SAFETY_CONCERN);
        for (String text : List.of("x".repeat(ReviewItem.SafetyNotice.MAX_LENGTH + 1), "Being checked.\nCall 111.",
                " ")) {
            var refused = as("senior").put(notice(item), Map.of("text", text));
            assertThat(refused.status()).as(text).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("text");
        }
        assertThat(reload(item).safetyNotice()).isNull();
        assertThat(reload(ordinary).safetyNotice()).isNull();
    }

    @Test
    void aNoticeIsLiftedByHandOrWithTheResolution() {
        ReviewItem byHand = reported(Category.SAFETY_CONCERN);
        as("senior").put(notice(byHand), Map.of("text", NOTICE));
        assertThat(as("reviewer").delete(notice(byHand)).status()).isEqualTo(403);

        assertThat(as("senior").delete(notice(byHand)).status()).isEqualTo(200);

        assertThat(reload(byHand).safetyNotice()).isNull();
        assertThat(latestEvent(byHand, 3).get("safetyNotice").isNull()).isTrue();
        var again = as("senior").delete(notice(byHand));
        assertThat(again.status()).as("the same request again answers as the first").isEqualTo(200);
        assertThat(reload(byHand).version()).as("and changes nothing").isEqualTo(3);
        var another = as("admin").delete(notice(byHand));
        assertThat(another.status()).isEqualTo(409);
        assertThat(another.json().get("detail").asString()).contains("No safety notice stands");

        ReviewItem resolved = reported(Category.SAFETY_CONCERN);
        as("senior").put(notice(resolved), Map.of("text", NOTICE));
        String items = "/api/review/items/" + resolved.id();
        assertThat(as("reviewer").post(items + "/claim", "").status()).isEqualTo(200);
        assertThat(as("reviewer").post(items + "/resolve", Map.of("outcome", "NO_CHANGE_NEEDED",
                "summary", "The dose is right for adults")).status()).isEqualTo(200);

        assertThat(reload(resolved).safetyNotice()).isNull();
        assertThat(reload(resolved).activity()).extracting(ReviewItem.Activity::action)
                .containsSubsequence("safety notice set", "claimed", "safety notice lifted", "resolved");
        JsonNode last = latestEvent(resolved, 4);
        assertThat(last.get("state").asString()).isEqualTo("RESOLVED");
        assertThat(last.get("safetyNotice").isNull()).isTrue();
        assertThat(as("senior").put(notice(resolved), Map.of("text", NOTICE)).status())
                .as("a resolved item takes no notice").isEqualTo(409);
    }

    /** The item's event of this version on {@code review.items}. */
    private static JsonNode latestEvent(ReviewItem item, long version) {
        return JSON.readTree(TopicProbe.awaitRecord(Topics.ITEMS, r -> {
            JsonNode event = JSON.readTree(r.value());
            return item.id().equals(event.get("itemId").asString()) && event.get("version").asLong() == version;
        }).value());
    }
}
