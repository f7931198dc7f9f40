package org.erratum.platform.tally;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Map;
import java.util.function.Function;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Counters kept in documents by key, each step added at most once without transactions. A step comes from a
 * source whose steps arrive in order (a Kafka partition: a step is one record, at its offset); every counter document
 * remembers, per source, the position of the last step it took, so a step handled again after a crash, a rebalance
 * or by two instances at once finds the counters it already moved at or past its position and moves only the rest.
 * The change is a compare-and-set on the document's {@code version}, which a unique index on {@code _id, version}
 * serves on every store; a counter not yet stored is created by the same upsert.
 */
public final class OnceOnlyCounters {

    private final MongoTemplate mongo;

    public OnceOnlyCounters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Stores the next state of what the counters count (a reader's vote, say) in place of the state held, only if
     * nobody replaced the held one meanwhile: a compare-and-set on the event that wrote it. The first state is an
     * insert, which a concurrent first insert turns into a duplicate key. Exactly one handler of a change sees true,
     * and only that one moves the counts.
     *
     * @param held    the state read before, null when there was none
     * @param eventId the event that wrote a state
     */
    public <T> boolean replaceIfUnchanged(T held, T next, Function<T, String> id, Function<T, String> eventId) {
        if (held == null) {
            try {
                mongo.insert(next);
                return true;
            } catch (DuplicateKeyException firstStateStoredMeanwhile) {
                return false;
            }
        }
        return mongo.replace(query(where("_id").is(id.apply(held)).and("eventId").is(eventId.apply(held))), next)
                .getMatchedCount() == 1;
    }

    /**
     * @param source     where the step comes from, e.g. the partition number; steps of one source come in order
     * @param position   the step's position in its source, growing with every step
     * @param increments field paths and what to add to them
     * @param fields     what a counter document is created with
     */
    public void add(String collection, String id, String source, long position, Map<String, Long> increments,
            Map<String, Object> fields) {
        while (true) {
            Document held = mongo.findById(id, Document.class, collection);
            long version = held == null ? 0 : held.get("version", Number.class).longValue();
            Document positions = held == null ? null : held.get("offsets", Document.class);
            Number taken = positions == null ? null : positions.get(source, Number.class);
            if (taken != null && taken.longValue() >= position) {
                return;
            }
            Update update = new Update().inc("version", 1).set("offsets." + source, position);
            increments.forEach(update::inc);
            fields.forEach(update::setOnInsert);
            try {
                mongo.upsert(query(where("_id").is(id).and("version").is(version)), update, collection);
                return;
            } catch (DuplicateKeyException changedMeanwhile) {
                // another step (or another instance) came first: read it again
            }
        }
    }
}
