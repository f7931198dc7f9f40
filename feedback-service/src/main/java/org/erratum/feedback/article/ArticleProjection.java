package org.erratum.feedback.article;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.erratum.events.ArticleChanged;
import org.erratum.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The articles readers can give feedback on, kept from the compacted {@code content.articles} topic. */
@Service
public class ArticleProjection {

    private static final Logger log = LoggerFactory.getLogger(ArticleProjection.class);

    /**
     * How long a looked-up article answers intake without asking the store again. Every piece of feedback names an
     * article, and articles change rarely; a revision newer than the remembered one is always looked up, so a new
     * revision is never refused, and within this time at most the slug the thank-you redirect uses can be stale.
     */
    private static final Duration REMEMBERED_FOR = Duration.ofSeconds(10);

    /** Beyond this many remembered articles the memory starts afresh; a site has far fewer. */
    private static final int MAX_REMEMBERED = 10_000;

    private final MongoTemplate mongo;
    private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

    ArticleProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private record Remembered(KnownArticle article, long until) {
    }

    /**
     * Applies an article state only if it is newer than the one held, in one atomic upsert: a redelivered or
     * out-of-order older state finds no document to update, and its insert then collides with the existing id.
     * Each state carries only its newest revision's note, so the notes of earlier revisions are the ones this
     * projection saw as they came (a projection rebuilt from the compacted topic knows only the newest).
     */
    public void track(ArticleChanged article) {
        Update state = new Update().set("slug", article.slug())
                .set("title", article.title())
                .set("revision", article.revision())
                .set("version", article.version());
        ArticleChanged.RevisionNote note = article.latestRevision();
        if (note != null) {
            state.set(ArticleHistory.NOTES + "." + note.revision(),
                    new ArticleHistory.Note(note.at(), note.changeSummary(), note.significance()));
        }
        try {
            mongo.upsert(query(where("_id").is(article.articleId()).and("version").lt(article.version())), state,
                    KnownArticle.class);
        } catch (DuplicateKeyException olderThanHeld) {
            log.debug("Ignoring version {} of article {}: a newer state is already held", article.version(),
                    article.articleId());
        }
        recent.remove(article.articleId());
    }

    public Optional<KnownArticle> find(String articleId) {
        return Optional.ofNullable(mongo.findById(articleId, KnownArticle.class));
    }

    /** The article with the revisions this projection saw published, for the editorial pages. */
    public Optional<ArticleHistory> history(String articleId) {
        return Optional.ofNullable(mongo.findById(articleId, ArticleHistory.class));
    }

    /** Every known article, without the revision notes it holds: one document per article, however many votes. */
    public List<KnownArticle> all() {
        Query current = new Query();
        current.fields().include("slug", "title", "revision", "version");
        return mongo.find(current, KnownArticle.class);
    }

    /** @return the known articles among those ids, by id; unknown ids are left out */
    public Map<String, KnownArticle> findAll(Collection<String> articleIds) {
        return mongo.find(query(where("_id").in(articleIds)), KnownArticle.class).stream()
                .collect(Collectors.toMap(KnownArticle::articleId, Function.identity()));
    }

    /**
     * @return the article, when it is known and has that revision
     * @throws org.springframework.web.ErrorResponseException 422 naming {@code articleId} or {@code revision}
     */
    public KnownArticle requireRevision(String articleId, int revision) {
        Remembered remembered = recent.get(articleId);
        if (remembered != null && remembered.article().hasRevision(revision)
                && System.nanoTime() - remembered.until() < 0) {
            return remembered.article();
        }
        KnownArticle article = find(articleId).orElseThrow(() -> Problems.invalidField(
                HttpStatus.UNPROCESSABLE_CONTENT, "articleId", "is not a known article"));
        if (recent.size() >= MAX_REMEMBERED) {
            recent.clear();
        }
        recent.put(articleId, new Remembered(article, System.nanoTime() + REMEMBERED_FOR.toNanos()));
        if (!article.hasRevision(revision)) {
            throw Problems.invalidField(HttpStatus.UNPROCESSABLE_CONTENT, "revision",
                    "must be between 1 and the article's current revision " + article.revision());
        }
        return article;
    }
}
