package org.erratum.review.queue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;
import org.erratum.review.queue.ItemReports.Stored;
import org.erratum.review.queue.ReviewItem.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Moves the reports that items stored before {@link ItemReports} existed embed in their {@code reports} array out to
 * their own documents, once, and leaves in each item what the queue now reads there: its latest reports, the revisions
 * reported and how many readers asked to hear back. Runs before the report consumer and the console start (singletons
 * are ready before any binding or the web server starts), and is safe to run again or on several instances at once:
 * a report is stored by its event id, and an item is rewritten only while it still has the array. A marker records
 * that it finished, after which nothing is read. Instances of the version before must be stopped first.
 */
@Component
class ReportsApartMigration implements SmartInitializingSingleton {

    static final String MIGRATIONS = "migrations";
    static final String MIGRATION = "reports-apart-from-items";
    private static final Logger log = LoggerFactory.getLogger(ReportsApartMigration.class);

    private final MongoTemplate mongo;
    private final ItemReports reports;
    private final QueueProperties properties;

    ReportsApartMigration(MongoTemplate mongo, ItemReports reports, QueueProperties properties) {
        this.mongo = mongo;
        this.reports = reports;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (mongo.exists(Query.query(where("_id").is(MIGRATION)), MIGRATIONS)) {
            return;
        }
        long items = 0;
        Query oldShape = Query.query(where("reports").exists(true));
        oldShape.fields().include("_id", "articleId", "reports");
        try (var stored = mongo.stream(oldShape, Document.class, mongo.getCollectionName(ReviewItem.class))) {
            for (Document item : (Iterable<Document>) stored::iterator) {
                moveOut(item);
                items++;
            }
        }
        mongo.save(new Document("_id", MIGRATION).append("items", items), MIGRATIONS);
        if (items > 0) {
            log.info("Moved the reports of {} review items to their own documents", items);
        }
    }

    private void moveOut(Document item) {
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
        List<Report> latest = embedded.subList(Math.max(0, embedded.size() - properties.reportSample()),
                embedded.size());
        // reportCount is the stored reports' count: kept as it was, every report counted once
        mongo.updateFirst(Query.query(where("_id").is(item.get("_id")).and("reports").exists(true)),
                new Update().set("latestReports", latest).set("reportedRevisions", revisions)
                        .set("readersAsking", asking).unset("reports"),
                ReviewItem.class);
    }
}
