package org.erratum.content.reviewitem;

import java.util.List;
import java.util.Optional;

import org.erratum.events.ReviewItemChanged;
import org.erratum.events.ReviewItemChanged.ReportedPassage;
import org.erratum.events.ReviewItemChanged.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The review items of each article, as {@code review.items} tells them: the passages readers reported, which the
 * editor shows beside the text, and the interim safety notice, which the article page shows while it stands. Keeps
 * the state with the highest version per item, so redelivered and out-of-order records change nothing.
 */
@Service
public class ReviewItems {

    /** A sample is enough to see what readers meant; the producer bounds it too, this bounds what is kept. */
    static final int MAX_PASSAGES = 20;
    /** As the feedback service accepts them. */
    static final int MAX_PASSAGE_LENGTH = 500;

    private static final Logger log = LoggerFactory.getLogger(ReviewItems.class);
    private static final String ID = "_id";
    private static final String ARTICLE_ID = "articleId";
    private static final String VERSION = "version";
    private static final String STATE = "state";

    private final MongoTemplate mongo;

    ReviewItems(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One atomic upsert guarded by the version: a state no newer than the one kept matches nothing. */
    public void track(ReviewItemChanged changed) {
        if (changed.itemId() == null || changed.articleId() == null) {
            throw new IllegalArgumentException("Review item state " + changed.eventId() + " names no item or article");
        }
        boolean resolved = changed.state() == State.RESOLVED;
        Update update = new Update()
                .set(ARTICLE_ID, changed.articleId())
                .set(VERSION, changed.version())
                .set(STATE, changed.state())
                .set("reportCount", changed.reportCount())
                .set("passages", resolved ? List.of() : bounded(changed.passages()))
                .set("safetyNotice", resolved ? null : changed.safetyNotice())
                .set("changedAt", changed.occurredAt());
        try {
            mongo.upsert(Query.query(where(ID).is(changed.itemId()).and(VERSION).lt(changed.version())), update,
                    TrackedItem.class);
        } catch (DuplicateKeyException notNewer) {
            // the item is kept at this version or a later one: the upsert's insert met it
            log.debug("Review item {} version {} is not newer than the one kept", changed.itemId(), changed.version());
        }
    }

    public Optional<TrackedItem> find(String itemId) {
        return Optional.ofNullable(mongo.findById(itemId, TrackedItem.class));
    }

    /** The notices standing on the article's page, each once, the item changed last first. */
    public List<String> safetyNotices(String articleId) {
        return mongo.find(Query.query(where(ARTICLE_ID).is(articleId).and(STATE).ne(State.RESOLVED)
                        .and("safetyNotice").ne(null)).with(Sort.by(Sort.Direction.DESC, "changedAt")),
                TrackedItem.class).stream().map(TrackedItem::safetyNotice).filter(n -> !n.isBlank()).distinct()
                .toList();
    }

    private static List<ReportedPassage> bounded(List<ReportedPassage> passages) {
        return passages.stream().filter(p -> p != null && p.passage() != null).limit(MAX_PASSAGES)
                .map(p -> p.passage().length() <= MAX_PASSAGE_LENGTH ? p
                        : new ReportedPassage(p.revision(), p.category(), p.passage().substring(0, MAX_PASSAGE_LENGTH)))
                .toList();
    }
}
