package org.erratum.feedback.readout;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.erratum.feedback.TestArticles;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.feedback.vote.VoteTallies;
import org.erratum.feedback.vote.VoteTallies.RevisionVotes;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The least-helpful readout over votes cast through the reader API. Other test classes leave articles with votes
 * in the shared store, so assertions about order look at this test's articles within the whole list.
 */
@IntegrationTest
class LeastHelpfulIntegrationTests {

    /** The prior of the service's configuration: (yes + 10 × 0.75) / (votes + 10). */
    private static final double PRIOR_VOTES = 10;
    private static final double PRIOR_RATIO = 0.75;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    VoteTallies tallies;

    private TestClient readers;
    private TestClient editor;

    @BeforeEach
    void clients() {
        readers = TestClient.onPort(port);
        editor = readers.as("editor", "editor-dev-password");
    }

    /** The readout reads the tallies, which count the votes as they come back from feedback.votes. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void articlesAreOrderedBySmoothedScoreOfTheirCurrentRevisionWithSpamLeftOut() {
        KnownArticle unhelpful = article(1);
        KnownArticle mostlyUnhelpful = article(2);
        KnownArticle helpful = article(1);
        vote(mostlyUnhelpful, 1, true, 10); // the text revision 2 replaced: says nothing about it
        vote(mostlyUnhelpful, 2, true, 1);
        vote(mostlyUnhelpful, 2, false, 5);
        vote(unhelpful, 1, false, 8);
        vote(helpful, 1, true, 4);
        spamVote(helpful, 1, false, 6);

        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> listed = leastHelpful("?limit=100");

            assertThat(listed).extracting(a -> a.get("score").asDouble()).isSorted();
            List<JsonNode> ours = only(listed, unhelpful, mostlyUnhelpful, helpful);
            assertThat(ours).extracting(a -> a.get("articleId").asString())
                    .containsExactly(unhelpful.articleId(), mostlyUnhelpful.articleId(), helpful.articleId());
            assertLine(ours.get(0), unhelpful, 1, 0, 8);
            assertLine(ours.get(1), mostlyUnhelpful, 2, 1, 5);
            assertLine(ours.get(2), helpful, 1, 4, 0);
        });
    }

    @Test
    void articlesWithoutAGenuineVoteOnTheirCurrentRevisionAreNotListed() {
        KnownArticle revisedSinceItsVotes = article(2);
        KnownArticle onlySpammed = article(1);
        KnownArticle neverVotedOn = article(1);
        vote(revisedSinceItsVotes, 1, false, 3);
        spamVote(onlySpammed, 1, false, 3);
        // counted, on the revision before the current one
        await().atMost(WAIT).until(() -> tallies.perRevision(revisedSinceItsVotes.articleId(), 1)
                .equals(List.of(new RevisionVotes(1, 0, 3))));

        assertThat(only(leastHelpful("?limit=100"), revisedSinceItsVotes, onlySpammed, neverVotedOn)).isEmpty();
    }

    @Test
    void limitKeepsTheLeastHelpfulEndAndDefaultsToTwenty() {
        KnownArticle unhelpful = article(1);
        KnownArticle helpful = article(1);
        vote(unhelpful, 1, false, 2);
        vote(helpful, 1, true, 2);
        await().atMost(WAIT).until(() -> only(leastHelpful("?limit=100"), unhelpful, helpful).size() == 2);
        List<JsonNode> all = leastHelpful("?limit=100");

        List<JsonNode> first = leastHelpful("?limit=1");

        assertThat(first).hasSize(1);
        assertThat(first.get(0).get("articleId")).isEqualTo(all.get(0).get("articleId"));
        assertThat(leastHelpful("")).hasSize(Math.min(20, all.size()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "101", "-5", "twenty" })
    void limitOutsideOneToAHundredIsAProblemNamingLimit(String limit) {
        Response response = editor.get("/api/editorial/least-helpful?limit=" + limit);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
    }

    private void assertLine(JsonNode line, KnownArticle article, int revision, long yes, long no) {
        assertThat(line.get("title").asString()).isEqualTo("Paracetamol for adults");
        assertThat(line.get("slug").asString()).isEqualTo(article.slug());
        assertThat(line.get("revision").asInt()).isEqualTo(revision);
        assertThat(line.get("yes").asLong()).isEqualTo(yes);
        assertThat(line.get("no").asLong()).isEqualTo(no);
        assertThat(line.get("ratio").asDouble()).isCloseTo((double) yes / (yes + no), within(1e-9));
        assertThat(line.get("score").asDouble())
                .isCloseTo((yes + PRIOR_VOTES * PRIOR_RATIO) / (yes + no + PRIOR_VOTES), within(1e-9));
    }

    private List<JsonNode> leastHelpful(String query) {
        Response response = editor.get("/api/editorial/least-helpful" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("articles").valueStream().toList();
    }

    private static List<JsonNode> only(List<JsonNode> listed, KnownArticle... articles) {
        List<String> ids = Arrays.stream(articles).map(KnownArticle::articleId).toList();
        return listed.stream().filter(a -> ids.contains(a.get("articleId").asString())).toList();
    }

    private KnownArticle article(int revision) {
        String articleId = TestArticles.newArticleId();
        return TestArticles.publishAndAwait(TestArticles.article(articleId, "slug-" + articleId, revision, revision),
                mongo);
    }

    /** Each call comes without the reader cookie, so each vote is a different reader's. */
    private void vote(KnownArticle article, int revision, boolean helpful, int readers) {
        castVotes(Map.of("articleId", article.articleId(), "revision", revision, "helpful", helpful), readers);
    }

    /** A filled-in honeypot: stored, marked as spam. */
    private void spamVote(KnownArticle article, int revision, boolean helpful, int bots) {
        castVotes(Map.of("articleId", article.articleId(), "revision", revision, "helpful", helpful,
                "website", "http://spam.example"), bots);
    }

    private void castVotes(Map<String, Object> vote, int times) {
        for (int i = 0; i < times; i++) {
            Response response = readers.post("/api/feedback/votes", vote);
            assertThat(response.status()).as(response.toString()).isEqualTo(202);
        }
    }
}
