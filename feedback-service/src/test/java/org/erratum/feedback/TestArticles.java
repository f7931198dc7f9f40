package org.erratum.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.erratum.events.ArticleChanged;
import org.erratum.events.ArticleChanged.Change;
import org.erratum.events.ArticleChanged.Section;
import org.erratum.events.ArticleChanged.Significance;
import org.erratum.feedback.article.KnownArticle;
import org.erratum.testsupport.ArticleStates;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.awaitility.Awaitility.await;

/** The feedback tests' article: paracetamol's dose, as the content service would publish it. */
public final class TestArticles {

    /** Kafka consumer groups take seconds to form on a busy machine. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    private TestArticles() {
    }

    public static String newArticleId() {
        return "article-" + UUID.randomUUID();
    }

    public static ArticleChanged article(String articleId, String slug, long version, int revision) {
        return state(articleId, slug, version, revision).build();
    }

    /** The article's state after revision {@code revision}, published at {@code at} with that change summary. */
    public static ArticleChanged revisedAt(String articleId, String slug, int revision, Instant at,
            String changeSummary) {
        return state(articleId, slug, revision, revision).at(at).note(changeSummary, Significance.MAJOR).build();
    }

    private static ArticleStates.Builder state(String articleId, String slug, long version, int revision) {
        return ArticleStates.article(articleId).slug(slug).version(version).revision(revision)
                .change(version == 1 ? Change.CREATED : Change.REVISED)
                .summary("How much to take and when")
                .sections(List.of(new Section("Dose", "Take 500 mg to 1 g every 4 to 6 hours.")))
                .note("Clarified the dose", Significance.MINOR);
    }

    /** Publishes the article and waits until the feedback service holds exactly that state. */
    public static KnownArticle publishAndAwait(ArticleChanged article, MongoTemplate mongo) {
        ArticleStates.publish(article);
        await().atMost(WAIT).until(() -> {
            KnownArticle known = mongo.findById(article.articleId(), KnownArticle.class);
            return known != null && known.version() == article.version();
        });
        return mongo.findById(article.articleId(), KnownArticle.class);
    }
}
