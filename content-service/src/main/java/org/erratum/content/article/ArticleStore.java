package org.erratum.content.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.bson.Document;
import org.erratum.events.ArticleChanged.Change;
import org.erratum.events.ArticleChanged.ReviewRequest;
import org.erratum.events.Reviewer;
import org.erratum.platform.outbox.OutboxStore.Backlog;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
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
    private static final String TOPICS = "topics";
    private static final String REVIEW_REQUEST = "reviewRequest";

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

    /** Articles tagged with the topic, by title. */
    List<Article> findByTopic(String topic) {
        return mongo.find(Query.query(where(TOPICS).is(topic)).with(Sort.by("title", ID)), Article.class);
    }

    /** Every topic some article is tagged with, with how many are, in alphabetical order. */
    Map<String, Long> topicsInUse() {
        Map<String, Long> counts = new TreeMap<>();
        mongo.aggregate(Aggregation.newAggregation(Aggregation.unwind(TOPICS), Aggregation.group(TOPICS).count()
                .as("articles")), Article.class, Document.class)
                .forEach(row -> counts.put(row.getString(ID), ((Number) row.get("articles")).longValue()));
        return counts;
    }

    /**
     * Empty when the article changed since {@code current} was read (another edit, a sign-off, a review request):
     * {@code nextReviewDue} is computed from what was read.
     *
     * @param settings complete: owner (perhaps none), interval and topics
     */
    Optional<Article> revise(Article current, ArticleEdit edit, ArticleSettings settings, LocalDate nextReviewDue,
            String editor, Instant now) {
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
                .set(TOPICS, settings.topics())
                .set(REVIEW_INTERVAL_MONTHS, settings.reviewIntervalMonths())
                .set(NEXT_REVIEW_DUE, nextReviewDue);
        return modify(unchangedSince(current).and(REVISION).is(edit.expectedRevision()), update);
    }

    /**
     * Empty when the article changed since {@code current} was read: its review dates are computed from it.
     *
     * @param standing the review request still standing after this sign-off, else null
     */
    Optional<Article> signOff(Article current, Reviewer reviewer, Instant reviewedAt, LocalDate nextReviewDue,
            ReviewRequest standing, Instant now) {
        Update update = changed(Change.REVIEWED, now)
                .set(LAST_REVIEWED_AT, reviewedAt)
                .set("lastReviewedBy", reviewer)
                .set(NEXT_REVIEW_DUE, nextReviewDue)
                .set(REVIEW_REQUEST, standing);
        return modify(unchangedSince(current), update);
    }

    /**
     * Marks the article as due for review with the request. Not a revision: the text, revision and "last modified"
     * stay. Empty when the article changed since {@code current} was read.
     */
    Optional<Article> requestReview(Article current, ReviewRequest request, LocalDate nextReviewDue, Instant now) {
        Update update = changed(Change.REVIEWED, now)
                .set(REVIEW_REQUEST, request)
                .set(NEXT_REVIEW_DUE, nextReviewDue);
        return modify(unchangedSince(current), update);
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

    /** Changes made before the instant, the oldest first, so a backlog drains in the order it built up. */
    List<Article> pendingAnnouncements(Instant changedBefore, int limit) {
        return mongo.find(Query.query(where(ANNOUNCE_PENDING).is(true).and(CHANGED_AT).lte(changedBefore))
                .with(Sort.by(CHANGED_AT)).limit(limit), Article.class);
    }

    /** How many changes wait for Kafka, and since when the oldest does. */
    Backlog announcementBacklog() {
        Query pending = Query.query(where(ANNOUNCE_PENDING).is(true));
        long depth = mongo.count(pending, Article.class);
        if (depth == 0) {
            return Backlog.NONE;
        }
        return new Backlog(depth, Optional.ofNullable(mongo.findOne(pending.with(Sort.by(CHANGED_AT)).limit(1),
                Article.class)).map(Article::changedAt));
    }

    private static Update changed(Change change, Instant now) {
        return new Update().inc(VERSION, 1).set("lastChange", change).set(CHANGED_AT, now)
                .set(ANNOUNCE_PENDING, true);
    }

    /** Every change bumps the version, so an unchanged version means nothing changed since the read. */
    private static Criteria unchangedSince(Article read) {
        return where(ID).is(read.id()).and(VERSION).is(read.version());
    }

    private Optional<Article> modify(Criteria precondition, Update update) {
        return Optional.ofNullable(mongo.findAndModify(Query.query(precondition), update,
                FindAndModifyOptions.options().returnNew(true), Article.class));
    }
}
