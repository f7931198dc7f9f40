package org.erratum.platform.migration;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.function.Supplier;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One-off changes to stored data that an upgrade needs (a backfill, a new shape), each run once per database: a
 * marker in {@value #COLLECTION}, keyed by the migration's name, records that it finished, after which it reads
 * nothing. The marker is written only after the work, so a crash meanwhile runs the work again at the next start:
 * every migration must be safe to repeat and to run on several instances at once.
 */
public final class Migrations {

    public static final String COLLECTION = "migrations";

    private Migrations() {
    }

    /**
     * @param work does the migration and answers what its marker records beside the name (what it moved, say)
     */
    public static void once(MongoTemplate mongo, String migration, Supplier<Document> work) {
        if (mongo.exists(query(where("_id").is(migration)), COLLECTION)) {
            return;
        }
        mongo.save(work.get().append("_id", migration), COLLECTION);
    }
}
