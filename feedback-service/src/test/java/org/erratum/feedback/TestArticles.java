package org.erratum.feedback;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.erratum.events.ArticleChanged;
import org.erratum.events.CloudEventHeaders;
import org.erratum.events.Topics;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.testsupport.TopicProbe;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/** Articles as the content service would publish them, sent raw onto {@code content.articles}. */
public final class TestArticles {

    /** Kafka consumer groups take seconds to form on a busy machine. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private TestArticles() {
    }

    public static String newArticleId() {
        return "article-" + UUID.randomUUID();
    }

    public static ArticleChanged article(String articleId, String slug, long version, int revision) {
        Instant now = Instant.now();
        return new ArticleChanged(UUID.randomUUID(), now, articleId, version,
                version == 1 ? ArticleChanged.Change.CREATED : ArticleChanged.Change.REVISED, slug,
                "Paracetamol for adults", "How much to take and when", List.of(new ArticleChanged.Section(
                        "Dose", "Take 500 mg to 1 g every 4 to 6 hours.")),
                List.of(), List.of("A. Writer"), revision,
                new ArticleChanged.RevisionNote(revision, "Clarified the dose", ArticleChanged.Significance.MINOR,
                        now),
                null, now, now, null, LocalDate.now().plusMonths(24), 24);
    }

    /** The article's state after revision {@code revision}, published at {@code at} with that change summary. */
    public static ArticleChanged revisedAt(String articleId, String slug, int revision, Instant at,
            String changeSummary) {
        ArticleChanged state = article(articleId, slug, revision, revision);
        return new ArticleChanged(state.eventId(), at, articleId, revision, state.change(), slug, state.title(),
                state.summary(), state.sections(), state.references(), state.authors(), revision,
                new ArticleChanged.RevisionNote(revision, changeSummary, ArticleChanged.Significance.MAJOR, at),
                null, state.publishedAt(), at, null, state.nextReviewDue(), 24);
    }

    public static void publish(ArticleChanged article) {
        TopicProbe.send(Topics.ARTICLES, article.articleId(), JSON.writeValueAsString(article),
                CloudEventHeaders.of(article, "/erratum/content-service"));
    }

    /** Publishes the article and waits until the feedback service holds exactly that state. */
    public static KnownArticle publishAndAwait(ArticleChanged article, MongoTemplate mongo) {
        publish(article);
        await().atMost(WAIT).until(() -> {
            KnownArticle known = mongo.findById(article.articleId(), KnownArticle.class);
            return known != null && known.version() == article.version();
        });
        return mongo.findById(article.articleId(), KnownArticle.class);
    }
}
