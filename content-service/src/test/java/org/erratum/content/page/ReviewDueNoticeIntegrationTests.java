package org.erratum.content.page;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import org.erratum.content.ContentApi;
import org.erratum.content.article.Article;
import org.erratum.content.article.ReviewRequests;
import org.erratum.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erratum.content.ContentApi.newArticle;

/**
 * The public page says when an article is due for review: its review date has passed, or an editor asked for a
 * review now. In words, near the top, with the date, as plain HTML; an editor's reason stays internal.
 */
@IntegrationTest
class ReviewDueNoticeIntegrationTests {

    private static final DateTimeFormatter IN_WORDS = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);
    private static final String NOTICE = "<strong>This page is due for review.</strong>";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReviewRequests reviewRequests;

    ContentApi api;
    LocalDate today;

    @BeforeEach
    void connect() {
        api = new ContentApi(port);
        today = LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void aPageWhoseReviewDatePassedSaysItIsDueForReviewAndSinceWhen() {
        JsonNode article = api.createArticle(newArticle("Head lice"));
        LocalDate due = today.minusDays(40);
        // as if the interval had run out: the date a sign-off or first publication would have set
        setNextReviewDue(article, due);

        String html = page(article);

        assertThat(html).contains("<p id=\"review-due\" class=\"review-due\">").contains(NOTICE)
                .contains("Its clinical review was due on <time datetime=\"" + due + "\">" + IN_WORDS.format(due)
                        + "</time>");
        assertThat(html.indexOf(NOTICE)).as("near the top: before the first section")
                .isLessThan(html.indexOf("id=\"section-1\""));
    }

    @Test
    void aPageDueTodayOrLaterSaysNothing() {
        JsonNode article = api.createArticle(newArticle("Threadworms"));
        assertThat(page(article)).doesNotContain("review-due").doesNotContain("due for review");

        setNextReviewDue(article, today);

        assertThat(page(article)).as("due today is not overdue yet").doesNotContain("due for review");
    }

    @Test
    void aPageAnEditorAskedToHaveReviewedSaysItIsDueButNotWhy() {
        String topic = "nits " + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode body = newArticle("Nits");
        body.putArray("topics").add(topic);
        JsonNode article = api.createArticle(body);

        reviewRequests.markTopic(topic, "Internal: new school guidance", "editor");

        String html = page(article);
        assertThat(html).contains(NOTICE)
                .contains("Its clinical review was due on <time datetime=\"" + today + "\">")
                .doesNotContain("Internal: new school guidance");
    }

    private String page(JsonNode article) {
        return api.reader().getText("/articles/" + article.get("slug").asString()).body();
    }

    private void setNextReviewDue(JsonNode article, LocalDate date) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(article.get("id").asString())),
                Update.update("nextReviewDue", date), Article.class);
    }
}
