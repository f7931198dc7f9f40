package org.erratum.content.page;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.erratum.content.ContentApi;
import org.erratum.content.reviewitem.TrackedItem;
import org.erratum.events.ReviewItemChanged;
import org.erratum.events.ReviewItemChanged.State;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.Scrape;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.erratum.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.erratum.content.ContentApi.newArticle;
import static org.erratum.content.reviewitem.ReviewItemStates.newItemId;
import static org.erratum.content.reviewitem.ReviewItemStates.open;
import static org.erratum.content.reviewitem.ReviewItemStates.publish;
import static org.erratum.content.reviewitem.ReviewItemStates.resolved;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The "report a problem" prompt respects the reviewers' capacity, counted from real {@code review.items} records:
 * while more items are active than the default capacity (50), only the default share of readers (a quarter) is asked
 * for every kind of problem, each reader keeping their choice across page loads; the others can still report a
 * safety problem, everyone can vote, and at or under capacity everyone is asked again. The share and the backlog
 * are metrics.
 */
@IntegrationTest
class ReportPromptIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long CAPACITY = 50;
    private static final String SHARE = "erratum_content_report_prompt_share";
    private static final String BACKLOG = "erratum_content_review_backlog";
    private static final String FULL_PROMPT = "<summary>Report a problem with this page</summary>";
    private static final String SAFETY_ONLY = "<summary>Report a safety problem with this page</summary>";
    private static final Pattern SET_BUCKET = Pattern.compile("^erratum-report-prompt=(\\d{1,2}); Path=/articles; "
            + "Max-Age=2592000; Expires=[^;]+; HttpOnly; SameSite=Lax$");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private final List<String> opened = new ArrayList<>();
    private String articleId;

    @AfterEach
    void resolveTheItemsThisTestOpened() {
        TopicProbe.publishAll(opened.stream().map(itemId -> resolved(articleId, itemId, 2, 1)).toList());
        // later tests of this context expect the full prompt
        await().atMost(WAIT).until(() -> scrape().value(SHARE) == 1.0);
    }

    @Test
    void overCapacityAShareOfReadersIsAskedForEveryProblemEachKeepingTheirChoiceUntilTheBacklogIsBackWithinIt() {
        JsonNode article = new ContentApi(port).createArticle(newArticle("Conjunctivitis"));
        articleId = article.get("id").asString();
        String page = "/articles/" + article.get("slug").asString();
        long before = await().atMost(WAIT).until(this::activeItems, n -> scrape().value(BACKLOG) == n);
        assertThat(before).as("what other tests left open").isLessThanOrEqualTo(CAPACITY);

        openItems(CAPACITY - before);
        awaitBacklog(CAPACITY);
        assertThat(scrape().value(SHARE)).as("at capacity, not over it").isEqualTo(1.0);
        Response atCapacity = load(page, null);
        assertThat(atCapacity.body()).contains(FULL_PROMPT).contains("id=\"category-INACCURATE\"");
        assertThat(atCapacity.headers().firstValue("Set-Cookie")).as("nothing to remember").isEmpty();

        openItems(1);
        awaitBacklog(CAPACITY + 1);
        await().atMost(WAIT).until(() -> scrape().value(SHARE) == 0.25);

        for (int load = 0; load < 3; load++) {
            Response sampled = load(page, "3");
            assertThat(sampled.body()).contains(FULL_PROMPT).contains("id=\"category-INACCURATE\"")
                    .contains("Was this article helpful?").doesNotContain("id=\"report-busy\"");
            assertThat(sampled.headers().firstValue("Set-Cookie")).isEmpty();

            Response notSampled = load(page, "80");
            assertThat(notSampled.body()).contains(SAFETY_ONLY).contains("id=\"report-busy\"")
                    .contains("we are asking for reports of safety problems only")
                    .contains("<input type=\"hidden\" name=\"category\" value=\"SAFETY_CONCERN\">")
                    .doesNotContain("id=\"category-INACCURATE\"")
                    .contains("What could cause harm?")
                    .as("votes stay on for everyone").contains("Was this article helpful?");
            assertThat(notSampled.headers().firstValue("Set-Cookie")).isEmpty();
        }

        for (int reader = 0; reader < 10; reader++) {
            Response first = load(page, null);
            Matcher cookie = SET_BUCKET.matcher(first.headers().firstValue("Set-Cookie").orElse(""));
            assertThat(cookie.matches()).as(first.headers().allValues("Set-Cookie").toString()).isTrue();
            int bucket = Integer.parseInt(cookie.group(1));
            String expected = bucket < 25 ? FULL_PROMPT : SAFETY_ONLY;
            assertThat(first.body()).as("bucket %d", bucket).contains(expected);
            Response again = load(page, cookie.group(1));
            assertThat(again.body()).as("the same reader again").contains(expected);
            assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
        }
        assertThat(load(page, "not-a-number").headers().firstValue("Set-Cookie")).as("drawn again")
                .hasValueSatisfying(c -> assertThat(c).matches(SET_BUCKET));

        publish(resolved(articleId, opened.remove(opened.size() - 1), 2, 1));
        awaitBacklog(CAPACITY);
        await().atMost(WAIT).until(() -> scrape().value(SHARE) == 1.0);

        assertThat(load(page, "80").body()).as("everyone again").contains(FULL_PROMPT)
                .doesNotContain("id=\"report-busy\"");
        assertThat(load(page, null).headers().firstValue("Set-Cookie")).isEmpty();
    }

    private void openItems(long count) {
        List<ReviewItemChanged> states = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            String itemId = newItemId();
            opened.add(itemId);
            states.add(open(articleId, itemId, 1, null, List.of()));
        }
        TopicProbe.publishAll(states);
    }

    /** Every item is keyed by the one article, so they are consumed in order and the count settles on this. */
    private void awaitBacklog(long expected) {
        await().atMost(WAIT).until(() -> scrape().value(BACKLOG) == expected);
    }

    private long activeItems() {
        return mongo.count(Query.query(where("state").in(State.OPEN, State.CLAIMED, State.ESCALATED)),
                TrackedItem.class);
    }

    private Scrape scrape() {
        return Scrape.of(port);
    }

    /** A page load by a reader who holds no cookie yet (null), or the cookie of that bucket. */
    private Response load(String path, String bucket) {
        TestClient reader = TestClient.onPort(port);
        Response response = (bucket == null ? reader : reader.withHeader("Cookie", "erratum-report-prompt=" + bucket))
                .getText(path);
        assertThat(response.status()).isEqualTo(200);
        return response;
    }
}
