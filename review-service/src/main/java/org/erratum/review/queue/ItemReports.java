package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.erratum.events.ReportSubmitted.Category;
import org.erratum.review.queue.ReviewItem.Report;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Every report that joined an item, one document each, keyed by the report's event id: a redelivered report is found
 * by key, and the item holds only counts and the {@link ReviewItem#latestReports() latest few}.
 * <p>
 * A report is stored here after the item counted it, so a report stored here is counted. A crash between the two
 * writes leaves the report counted but not stored; its redelivery then finds it among the item's latest reports (its
 * article's reports arrive in order on one partition, so it is the newest there) and only stores it.
 */
@Component
class ItemReports {

    private final MongoTemplate mongo;

    ItemReports(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Whether the report was counted into an item and stored. */
    boolean stored(String eventId) {
        return mongo.exists(Query.query(where("_id").is(eventId)), Stored.class);
    }

    /**
     * Stores a report the item counted, numbered by its place among the item's reports. Stored already (another
     * instance handled the same delivery) changes nothing.
     */
    void store(ReviewItem item, String articleId, String eventId) {
        List<Report> latest = item.latestReports();
        for (int i = latest.size() - 1; i >= 0; i--) {
            Report report = latest.get(i);
            if (report.eventId().equals(eventId)) {
                insert(Stored.of(report, articleId, item.id(), item.reportCount() - (latest.size() - 1 - i)));
                return;
            }
        }
        throw new IllegalStateException("Report " + eventId + " is not among item " + item.id() + "'s latest");
    }

    void insert(Stored report) {
        try {
            mongo.insert(report);
        } catch (DuplicateKeyException storedAlready) {
            // the same report, stored by another delivery
        }
    }

    /**
     * One page of the item's reports, newest first (see {@link NumberedPages}).
     *
     * @param page from 1
     */
    List<Report> page(ReviewItem item, int page, int size) {
        List<Report> latest = item.latestReports();
        if (page == 1) {
            List<Report> newestFirst = new ArrayList<>(latest);
            Collections.reverse(newestFirst);
            return newestFirst;
        }
        return NumberedPages.older(mongo, Stored.class, item.id(), item.reportCount(), latest.size(), page, size)
                .stream().map(Stored::report).toList();
    }

    /** Whether the item has reports beyond this page. */
    static boolean morePast(ReviewItem item, int page, int size) {
        return NumberedPages.morePast(item.reportCount(), item.latestReports().size(), page, size);
    }

    /**
     * A stored report.
     *
     * @param seq its place among the item's reports, from 1: pages are read by range, not by skipping
     */
    @Document("review_reports")
    // the console's pages of one item's reports
    @CompoundIndex(name = "item_order", def = "{'itemId': 1, 'seq': -1}")
    record Stored(@Id String eventId, String articleId, String itemId, long seq, int revision, Category category,
            String passage, String comment, Instant at, boolean outcomeRequested) {

        static Stored of(Report report, String articleId, String itemId, long seq) {
            return new Stored(report.eventId(), articleId, itemId, seq, report.revision(), report.category(),
                    report.passage(), report.comment(), report.at(), report.outcomeRequested());
        }

        Report report() {
            return new Report(eventId, revision, category, passage, comment, at, outcomeRequested);
        }
    }
}
