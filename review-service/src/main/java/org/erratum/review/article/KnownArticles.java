package org.erratum.review.article;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.erratum.events.ArticleChanged;
import org.erratum.events.ArticleChanged.RevisionNote;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The review service's projection of the articles, rebuilt from {@code content.articles}. */
@Service
public class KnownArticles {

    private static final String HANDLED_AT = "reviewRequestHandledAt";

    private final MongoTemplate mongo;

    KnownArticles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<KnownArticle> find(String articleId) {
        return Optional.ofNullable(mongo.findById(articleId, KnownArticle.class));
    }

    /** The known ones of these articles, by id: one read for a poll's articles. */
    public Map<String, KnownArticle> findAll(Collection<String> articleIds) {
        return mongo.find(Query.query(where("_id").in(articleIds)), KnownArticle.class).stream()
                .collect(Collectors.toMap(KnownArticle::id, article -> article));
    }

    public Optional<RevisionText> revision(String articleId, int revision) {
        return Optional.ofNullable(mongo.findById(RevisionText.idOf(articleId, revision), RevisionText.class));
    }

    /** The newest revision an editor saved to answer this review item, if any. */
    public Optional<RevisionText> latestAnswering(String itemId) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("answersItem").is(itemId))
                .with(Sort.by(Sort.Direction.DESC, "revision")).limit(1), RevisionText.class));
    }

    /** Keeps the newest state only: a redelivered or out-of-order older state changes nothing. */
    public void apply(ArticleChanged event) {
        keepRevisionText(event);
        Query olderOrAbsent = Query.query(where("_id").is(event.articleId()).and("version").lt(event.version()));
        Update state = new Update()
                .set("version", event.version())
                .set("slug", event.slug())
                .set("title", event.title())
                .set("revision", event.revision())
                .set("lastReviewedBy", event.lastReviewedBy())
                .set("lastReviewedAt", event.lastReviewedAt())
                .set("nextReviewDue", event.nextReviewDue())
                .set("owner", event.owner())
                .set("reviewRequest", event.reviewRequest());
        try {
            mongo.upsert(olderOrAbsent, state, KnownArticle.class);
        } catch (DuplicateKeyException newerAlreadyKept) {
            // the article exists with this version or a newer one: nothing to do
        }
    }

    /** The queue took up this review request: it is not taken up again. */
    public void reviewRequestHandled(String articleId, Instant at) {
        mongo.updateFirst(Query.query(where("_id").is(articleId).orOperator(where(HANDLED_AT).is(null),
                where(HANDLED_AT).lt(at))), new Update().set(HANDLED_AT, at), KnownArticle.class);
    }

    private void keepRevisionText(ArticleChanged event) {
        String id = RevisionText.idOf(event.articleId(), event.revision());
        if (!mongo.exists(Query.query(where("_id").is(id)), RevisionText.class)) {
            // every state of the article describes its newest revision, whatever change made the state
            RevisionNote note = event.latestRevision() != null && event.latestRevision().revision() == event.revision()
                    ? event.latestRevision() : null;
            try {
                mongo.insert(new RevisionText(id, event.articleId(), event.revision(), event.title(),
                        event.summary(), event.sections(), note == null ? null : note.changeSummary(),
                        note == null ? null : note.significance(), note == null ? null : note.answersItem()));
            } catch (DuplicateKeyException alreadyKept) {
                // another instance stored it first; a revision's text never changes
            }
        }
    }
}
