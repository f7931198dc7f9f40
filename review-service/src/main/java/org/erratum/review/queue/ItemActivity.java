package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.erratum.review.queue.ReviewItem.Activity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every line of every item's activity log, one document each, numbered per item. The item itself keeps only its
 * {@link ReviewItem#activity() latest lines} (erratum.review.queue.activity-kept), written with the change they log.
 * <p>
 * Lines are stored here after the item's write, each by a key of its own, and the item then records how far it is
 * archived. A crash between leaves lines in the item above that mark: the item's next write stores them too (an item
 * adds a line or two per write and keeps dozens, so none leaves the item unstored), and the console shows them from
 * the item meanwhile.
 */
@Component
class ItemActivity {

    private static final String ARCHIVED = "archivedActivity";

    private final MongoTemplate mongo;

    ItemActivity(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores the item's lines not stored yet, as written. */
    void archive(ReviewItem written) {
        long archived = written.archivedActivity();
        long through = archived;
        for (Activity line : written.activity()) {
            if (line.seq() != null && line.seq() > archived) {
                save(written.id(), line);
                through = Math.max(through, line.seq());
            }
        }
        if (through > archived) {
            // $max: a slower writer that archived fewer lines never moves the mark back
            mongo.updateFirst(Query.query(where("_id").is(written.id())), new Update().max(ARCHIVED, through),
                    ReviewItem.class);
        }
    }

    void save(String itemId, Activity line) {
        mongo.save(Line.of(itemId, line));
    }

    /** The line this request made on the item, if it is stored: found by key, however long the log. */
    Optional<Activity> madeBy(String itemId, String requestId) {
        return Optional.ofNullable(mongo.findById(Line.ofRequest(itemId, requestId), Line.class))
                .map(Line::activity);
    }

    /**
     * One page of the item's log, oldest first within it (see {@link NumberedPages}): page 1 is the lines the item
     * keeps.
     *
     * @param page from 1
     */
    List<Activity> page(ReviewItem item, int page, int size) {
        if (page == 1) {
            return item.activity();
        }
        List<Activity> lines = new ArrayList<>(NumberedPages.older(mongo, Line.class, item.id(), item.activityCount(),
                item.activity().size(), page, size).stream().map(Line::activity).toList());
        Collections.reverse(lines);
        return lines;
    }

    /** Whether the item's log has older lines than those on this page. */
    static boolean morePast(ReviewItem item, int page, int size) {
        return NumberedPages.morePast(item.activityCount(), item.activity().size(), page, size);
    }

    /**
     * A stored line. Keyed by the request that made it when it has one, so a retry of that request is recognised by
     * key; else by its number.
     */
    @Document("review_activity")
    // the console's pages of one item's log
    @CompoundIndex(name = "item_order", def = "{'itemId': 1, 'seq': -1}")
    record Line(@Id String id, String itemId, long seq, String action, String by, Instant at, String detail,
            String requestId) {

        static Line of(String itemId, Activity line) {
            return new Line(idOf(itemId, line), itemId, line.seq(), line.action(), line.by(), line.at(),
                    line.detail(), line.requestId());
        }

        static String idOf(String itemId, Activity line) {
            return line.requestId() != null ? ofRequest(itemId, line.requestId()) : itemId + "/" + line.seq();
        }

        static String ofRequest(String itemId, String requestId) {
            return itemId + "/request/" + requestId;
        }

        Activity activity() {
            return new Activity(action, by, at, detail, requestId, seq);
        }
    }
}
