package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;
import org.erratum.platform.migration.Migrations;
import org.erratum.review.queue.ItemReports.Stored;
import org.erratum.review.queue.ReviewItem.Activity;
import org.erratum.review.queue.ReviewItem.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Brings items stored before reports and activity lines were stored apart into the new shape, once. Their embedded
 * {@code reports} move to {@link ItemReports}, and the item keeps its latest reports, the revisions reported and how
 * many readers asked to hear back; their activity lines are numbered and stored in {@link ItemActivity}, and the item
 * keeps the latest, with how many there are and how many times it was claimed.
 * <p>
 * Runs before the report consumer and the console start (singletons are ready before any binding or the web server
 * starts), and is safe to run again or on several instances at once: every report and line is stored by its key, and
 * an item is rewritten only while it is still in the old shape. A marker records that it finished, after which
 * nothing is read. Instances of the version before must be stopped first.
 * <p>
 * Then, once, every resolved item moves to the {@link ItemHistory}.
 */
@Component
class ItemStorageMigration implements SmartInitializingSingleton {

    static final String MIGRATION = "reports-and-activity-apart-from-items";
    static final String HISTORY_MIGRATION = "resolved-items-apart-from-the-queue";
    private static final Logger log = LoggerFactory.getLogger(ItemStorageMigration.class);

    private final MongoTemplate mongo;
    private final ItemReports reports;
    private final ItemActivity activity;
    private final ItemHistory history;
    private final QueueProperties properties;

    ItemStorageMigration(MongoTemplate mongo, ItemReports reports, ItemActivity activity, ItemHistory history,
            QueueProperties properties) {
        this.mongo = mongo;
        this.reports = reports;
        this.activity = activity;
        this.history = history;
        this.properties = properties;
    }

    /** Resolved items move to the history only once in the new shape: the history is never migrated. */
    @Override
    public void afterSingletonsInstantiated() {
        Migrations.once(mongo, MIGRATION, this::migrate);
        history.createIndexes();
        Migrations.once(mongo, HISTORY_MIGRATION, () -> new Document("items", history.sweep()));
    }

    private Document migrate() {
        long items = 0;
        Query oldShape = Query.query(new Criteria().orOperator(where("reports").exists(true),
                where(ItemStore.ACTIVITY_COUNT).exists(false)));
        oldShape.fields().include("_id", "articleId", "reports", "activity");
        try (var stored = mongo.stream(oldShape, Document.class, mongo.getCollectionName(ReviewItem.class))) {
            for (Document item : (Iterable<Document>) stored::iterator) {
                if (item.containsKey("reports")) {
                    moveReportsOut(item);
                }
                numberActivity(item);
                items++;
            }
        }
        if (items > 0) {
            log.info("Moved the reports and activity of {} review items to documents of their own", items);
        }
        return new Document("items", items);
    }

    private void moveReportsOut(Document item) {
        String id = item.getObjectId("_id").toHexString();
        List<Report> embedded = new ArrayList<>();
        for (Document report : item.getList("reports", Document.class)) {
            embedded.add(mongo.getConverter().read(Report.class, report));
        }
        Set<Integer> revisions = new TreeSet<>();
        int asking = 0;
        for (int i = 0; i < embedded.size(); i++) {
            Report report = embedded.get(i);
            reports.insert(Stored.of(report, item.getString("articleId"), id, i + 1));
            revisions.add(report.revision());
            asking += report.outcomeRequested() ? 1 : 0;
        }
        // reportCount is the embedded reports' count: kept as it was, every report counted once
        mongo.updateFirst(Query.query(where("_id").is(item.get("_id")).and("reports").exists(true)),
                new Update().set("latestReports", latest(embedded, properties.reportSample()))
                        .set("reportedRevisions", revisions).set("readersAsking", asking).unset("reports"),
                ReviewItem.class);
    }

    private void numberActivity(Document item) {
        String id = item.getObjectId("_id").toHexString();
        List<Activity> numbered = new ArrayList<>();
        int claims = 0;
        for (Document line : item.getList("activity", Document.class, List.of())) {
            Activity entry = mongo.getConverter().read(Activity.class, line).numbered(numbered.size() + 1);
            activity.save(id, entry);
            numbered.add(entry);
            claims += Claims.CLAIMED.equals(entry.action()) ? 1 : 0;
        }
        mongo.updateFirst(Query.query(where("_id").is(item.get("_id")).and(ItemStore.ACTIVITY_COUNT).exists(false)),
                new Update().set("activity", latest(numbered, properties.activityKept()))
                        .set(ItemStore.ACTIVITY_COUNT, (long) numbered.size())
                        .set("archivedActivity", (long) numbered.size()).set("claims", claims),
                ReviewItem.class);
    }

    private static <T> List<T> latest(List<T> all, int kept) {
        return all.subList(Math.max(0, all.size() - kept), all.size());
    }
}
