package org.erratum.content.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.erratum.events.ArticleChanged.Change;
import org.erratum.events.Reviewer;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Articles in MongoDB. Every change is one atomic update with a precondition, so concurrent editors, redelivered
 * sign-offs and several service instances cannot overwrite each other; each change also marks the article's
 * new state as not yet announced.
 */
@Component
class ArticleStore {

    private static final String ID = "_id";
    private static final String SLUG = "slug";
    private static final String REVISION = "revision";
    private static final String VERSION = "version";
    private static final String LAST_REVIEWED_AT = "lastReviewedAt";
    private static final String REVIEW_INTERVAL_MONTHS = "reviewIntervalMonths";
    private static final String NEXT_REVIEW_DUE = "nextReviewDue";
    private static final String ANNOUNCE_PENDING = "announcePending";
    private static final String CHANGED_AT = "changedAt";

    private final MongoTemplate mongo;

    ArticleStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the id or the slug is taken */
    Article insert(Article article) {
        return mongo.insert(article);
    }

    Optional<Article> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Article.class));
    }

    Optional<Article> findBySlug(String slug) {
        return Optional.ofNullable(mongo.findOne(Query.query(where(SLUG).is(slug)), Article.class));
    }

    List<Article> findAll() {
        return mongo.find(new Query().with(Sort.by("title", ID)), Article.class);
    }

    /** Articles whose title contains the text, ignoring case, by title. */
    List<Article> findByTitleContaining(String text) {
        return mongo.find(Query.query(where("title").regex(Pattern.quote(text), "i")).with(Sort.by("title", ID)),
                Article.class);
    }

    /**
     * Empty when the article is not at the edit's expected revision any more (or does not exist), or a sign-off
     * moved its review dates since {@code lastReviewedAt} was read, which {@code nextReviewDue} is computed from.
     *
     * @param settings complete: owner (perhaps none), interval and topics
     */
    Optional<Article> revise(String id, ArticleEdit edit, ArticleSettings settings, Instant lastReviewedAt,
            LocalDate nextReviewDue, String editor, Instant now) {
        ArticleContent content = edit.content();
        var note = new RevisionNote(edit.expectedRevision() + 1, edit.changeSummary(), edit.significance(), editor,
                now, edit.answersItem());
        Update update = changed(Change.REVISED, now)
                .set("title", content.title())
                .set("summary", content.summary())
                .set("sections", content.sections())
                .set("references", content.references())
                .set("authors", content.authors())
                .set(REVISION, note.revision())
                .set("latestRevision", note)
                .set("lastModifiedAt", now)
                .set("owner", settings.owner())
                .set("topics", settings.topics())
                .set(REVIEW_INTERVAL_MONTHS, settings.reviewIntervalMonths())
                .set(NEXT_REVIEW_DUE, nextReviewDue);
        return modify(where(ID).is(id).and(REVISION).is(edit.expectedRevision()).and(LAST_REVIEWED_AT)
                .is(lastReviewedAt), update);
    }

    /**
     * Empty when the article already carries this sign-off or a later one, or its review interval changed since
     * {@code nextReviewDue} was computed from it.
     */
    Optional<Article> signOff(String id, Reviewer reviewer, Instant reviewedAt, int reviewIntervalMonths,
            LocalDate nextReviewDue, Instant now) {
        Criteria precondition = where(ID).is(id).and(REVIEW_INTERVAL_MONTHS).is(reviewIntervalMonths)
                .orOperator(where(LAST_REVIEWED_AT).is(null), where(LAST_REVIEWED_AT).lt(reviewedAt));
        Update update = changed(Change.REVIEWED, now)
                .set(LAST_REVIEWED_AT, reviewedAt)
                .set("lastReviewedBy", reviewer)
                .set(NEXT_REVIEW_DUE, nextReviewDue);
        return modify(precondition, update);
    }

    /**
     * Clears the outbox flag only if the article is still at the announced version.
     *
     * @return false when a newer change landed meanwhile
     */
    boolean markAnnounced(String id, long version) {
        return mongo.updateFirst(Query.query(where(ID).is(id).and(VERSION).is(version)),
                Update.update(ANNOUNCE_PENDING, false), Article.class).getMatchedCount() > 0;
    }

    /** The oldest changes first, so a backlog drains in the order it built up. */
    List<Article> pendingAnnouncements(int limit) {
        return mongo.find(Query.query(where(ANNOUNCE_PENDING).is(true)).with(Sort.by(CHANGED_AT)).limit(limit),
                Article.class);
    }

    private static Update changed(Change change, Instant now) {
        return new Update().inc(VERSION, 1).set("lastChange", change).set(CHANGED_AT, now)
                .set(ANNOUNCE_PENDING, true);
    }

    private Optional<Article> modify(Criteria precondition, Update update) {
        return Optional.ofNullable(mongo.findAndModify(Query.query(precondition), update,
                FindAndModifyOptions.options().returnNew(true), Article.class));
    }
}
