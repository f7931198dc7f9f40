package org.erratum.content.article;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Snapshots of every revision, written idempotently: recording the same revision twice keeps the first. */
@Component
class RevisionHistory {

    private static final String ARTICLE_ID = "articleId";
    private static final String REVISION = "revision";

    private final MongoTemplate mongo;

    RevisionHistory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps the snapshot of the article's current revision, unless it is already kept. */
    void record(Article article) {
        ArticleRevision snapshot = ArticleRevision.of(article);
        if (mongo.exists(Query.query(where("_id").is(snapshot.id())), ArticleRevision.class)) {
            return;
        }
        try {
            mongo.insert(snapshot);
        } catch (DuplicateKeyException alreadyRecorded) {
            // another request or instance recorded it between the check and the insert: the same snapshot
        }
    }

    List<ArticleRevision> of(String articleId) {
        return mongo.find(Query.query(where(ARTICLE_ID).is(articleId)).with(Sort.by(REVISION)),
                ArticleRevision.class);
    }

    Optional<ArticleRevision> find(String articleId, int revision) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(where(ARTICLE_ID).is(articleId).and(REVISION).is(revision)), ArticleRevision.class));
    }
}
