package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.erratum.events.ReportSubmitted.Category;
import org.erratum.review.queue.ReviewItem.Report;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
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
 * article's reports arrive in order on one partition, and an item's write takes at most {@code report-sample} of
 * them, all stored before the next write of that item takes more: so they are the newest there) and only stores it.
 */
@Component
class ItemReports {

    private final MongoTemplate mongo;

    ItemReports(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Which of these reports were counted into an item and stored: one read for a poll's reports. */
    Set<String> storedAmong(Collection<String> eventIds) {
        Query stored = Query.query(where("_id").in(eventIds));
        stored.fields().include("_id");
        return mongo.find(stored, org.bson.Document.class, mongo.getCollectionName(Stored.class)).stream()
                .map(report -> report.getString("_id")).collect(Collectors.toSet());
    }

    /**
     * A report the item counted, numbered by its place among the item's reports.
     *
     * @throws IllegalStateException when the report is not among the item's latest reports
     */
    static Stored countedIn(ReviewItem item, String eventId) {
        List<Report> latest = item.latestReports();
        for (int i = latest.size() - 1; i >= 0; i--) {
            Report report = latest.get(i);
            if (report.eventId().equals(eventId)) {
                return Stored.of(report, item.articleId(), item.id(), item.reportCount() - (latest.size() - 1 - i));
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
     * Stores reports the items counted, in one unordered bulk. One stored already (another instance handled the same
     * delivery) is a duplicate key, and changes nothing; the others are stored all the same.
     */
    void insertAll(List<Stored> counted) {
        if (counted.isEmpty()) {
            return;
        }
        BulkWrites.executeTakingDuplicatesAsDone(mongo.bulkOps(BulkMode.UNORDERED, Stored.class).insert(counted));
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
