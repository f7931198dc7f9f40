package org.erratum.platform.tally;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import tools.jackson.databind.json.JsonMapper;

/**
 * Counters kept in documents by key, each step added at most once without transactions. A step comes from a
 * source whose steps arrive in order (a Kafka partition: a step is one record, at its offset); every counter document
 * remembers, per source, the position of the last step it took, so a step handled again after a crash, a rebalance
 * or by two instances at once finds the counters it already moved at or past its position and moves only the rest.
 * The change is a compare-and-set on the document's {@code version}, which a unique index on {@code _id, version}
 * serves on every store; a counter not yet stored is created by the same upsert.
 * <p>
 * What the counters count is a state per key (a reader's latest vote, say), which records replace; {@link #count}
 * moves one record, {@link #countAll} a poll's records with a handful of store round trips for the whole poll.
 * <p>
 * Why a poll counted at once stays exact: a counter document's position for a source means that every move from that
 * source at or below it is in its counts. The poll's net move per state (from the state held before the poll to the
 * newest of its records) is attributed to that newest record's position, and all the moves that reach one document go
 * in one compare-and-set, with the highest position per source; the position moves only with the counts. The states
 * are written before the counters, so a crash between the two leaves states made by records whose offsets Kafka has
 * not committed. Each partition's records come back from its committed offset, at or before the first record of the
 * poll that crashed, however the new polls are cut; so a poll either holds a record that made its state, and is then
 * counted one record at a time (the proven path, which finishes an interrupted move), or holds only records of the
 * crashed poll that its states already passed, which change nothing. A made-by record comes back until a poll holding
 * it completes. Two handlers of the same records (a rebalance) race on the state writes: the loser's bulk is short,
 * and it counts one record at a time; a document that the winner's sum reached skips those moves by its positions.
 */
public final class OnceOnlyCounters {

    private static final Logger log = LoggerFactory.getLogger(OnceOnlyCounters.class);

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    public OnceOnlyCounters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * What the counters count for one key, and the record that made it.
     *
     * @param <V> what a record carries (a vote)
     */
    public interface State<V> {

        String id();

        /** The event that wrote the state: a replacement's compare-and-set is on it. */
        String eventId();

        /** Whether the record is newer, so it replaces the state; an older or equal one changes nothing. */
        boolean isOlderThan(V value);

        boolean madeBy(V value, int partition, long offset);
    }

    /** The state after a record, replacing {@code held} (null when there was none). */
    @FunctionalInterface
    public interface Next<V, S> {

        S after(S held, V value, int partition, long offset);
    }

    /**
     * What the counters count, per key, and how a record changes it.
     *
     * @param idOf  the key of the state a record changes
     * @param moves what a state moves in the counters: what it counts less what the state it replaced counted
     * @param <V>   what a record carries (a vote)
     * @param <S>   the state stored per key, which remembers the record that made it and what it replaced
     */
    public record States<V, S extends State<V>>(Class<S> type, Function<V, String> idOf, Next<V, S> next,
            Function<S, List<Move>> moves) {
    }

    /**
     * One state's change to one counter document.
     *
     * @param source     where the step that made the state comes from, e.g. the partition number
     * @param position   that step's position in its source
     * @param increments field paths and what to add to them
     * @param fields     what the counter document is created with
     */
    public record Move(String collection, String id, String source, long position, Map<String, Long> increments,
            Map<String, Object> fields) {
    }

    /** One record of a poll: what it carries and where it sits. */
    public record Step<V>(V value, int partition, long offset) {

        /**
         * Reads a batch listener's poll of records as they came (bytes; list headers give each one's partition and
         * offset, in the poll's order) and hands the readable ones to {@code handler}. A record that is not a readable
         * {@code type} ends the poll there: the records before it are handled, then the container is told which one
         * failed, so it commits those, tries it again and dead-letters it alone. (Spring Cloud Function's own batch
         * conversion would leave such a record out of the poll, and so out of the dead letters, without a word.)
         */
        @SuppressWarnings("unchecked")
        public static <V> void handle(Message<List<byte[]>> poll, Class<V> type, JsonMapper json,
                Consumer<List<Step<V>>> handler) {
            List<byte[]> records = poll.getPayload();
            List<Integer> partitions = (List<Integer>) poll.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION);
            List<Long> offsets = (List<Long>) poll.getHeaders().get(KafkaHeaders.OFFSET);
            if (partitions.size() != records.size() || offsets.size() != records.size()) {
                // no telling which record sits where: the container retries the whole poll, then dead-letters it
                throw new IllegalStateException("A poll of " + records.size() + " records came with "
                        + partitions.size() + " partitions and " + offsets.size() + " offsets");
            }
            List<Step<V>> steps = new ArrayList<>(records.size());
            for (int index = 0; index < records.size(); index++) {
                V value;
                try {
                    value = json.readValue(records.get(index), type);
                } catch (RuntimeException unreadable) {
                    handler.accept(steps);
                    throw new BatchListenerFailedException("The record at offset " + offsets.get(index)
                            + " of partition " + partitions.get(index) + " is not a readable " + type.getSimpleName(),
                            unreadable, index);
                }
                steps.add(new Step<>(value, partitions.get(index), offsets.get(index)));
            }
            handler.accept(steps);
        }
    }

    /**
     * Counts one record: stores the state after it in place of the state held, only if nobody replaced the held one
     * meanwhile (a compare-and-set on the event that wrote it; the first state is an insert, which a concurrent one
     * turns into a duplicate key), then moves the counters. A record that made the state held is handled again: it
     * finishes what a crash may have left undone.
     */
    public <V, S extends State<V>> void count(V value, int partition, long offset, States<V, S> states) {
        String id = states.idOf().apply(value);
        while (true) {
            S held = mongo.findById(id, states.type());
            if (held != null && !held.isOlderThan(value)) {
                if (held.madeBy(value, partition, offset)) {
                    states.moves().apply(held).forEach(this::add);
                }
                return;
            }
            S next = states.next().after(held, value, partition, offset);
            if (replaceIfUnchanged(held, next)) {
                states.moves().apply(next).forEach(this::add);
                return;
            }
        }
    }

    /**
     * Counts a poll's records, in the order Kafka gave them: one read of their states, one bulk write of the new
     * states, one read of the counter documents they move and one bulk compare-and-set of those (again only for
     * documents another handler changed meanwhile). A poll that brings again a record that made its state (a
     * redelivery), or whose states another handler wrote meanwhile, is counted one record at a time; see the class
     * comment for why both ways stay exact.
     *
     * @throws BatchListenerFailedException naming the record that failed, when counting one record at a time failed
     */
    public <V, S extends State<V>> void countAll(List<Step<V>> steps, States<V, S> states) {
        try {
            if (countedAtOnce(steps, states)) {
                return;
            }
        } catch (RuntimeException failed) {
            // a store error, or a record that cannot be counted: one at a time finishes what was written (it looks
            // like a crash after it) and names the record that fails
            log.debug("Counting a poll of {} records at once failed; counting them one at a time", steps.size(),
                    failed);
        }
        countOneByOne(steps, states);
    }

    /** @return false when the poll must be counted one record at a time, before or after writing anything */
    private <V, S extends State<V>> boolean countedAtOnce(List<Step<V>> steps, States<V, S> states) {
        Map<String, S> held = new HashMap<>();
        List<String> ids = steps.stream().map(step -> states.idOf().apply(step.value())).distinct().toList();
        mongo.find(query(where("_id").in(ids)), states.type()).forEach(state -> held.put(state.id(), state));
        Map<String, S> next = new LinkedHashMap<>();
        for (Step<V> step : steps) {
            String id = states.idOf().apply(step.value());
            S before = held.get(id);
            if (before != null && before.madeBy(step.value(), step.partition(), step.offset())) {
                return false; // delivered again: finish what a crash may have left undone
            }
            S newest = next.getOrDefault(id, before);
            if (newest == null || newest.isOlderThan(step.value())) {
                // the previous fields stay the held state's: the net move of the whole poll for this key
                next.put(id, states.next().after(before, step.value(), step.partition(), step.offset()));
            }
        }
        if (next.isEmpty()) {
            return true;
        }
        if (!replaceAllIfUnchanged(held, next, states)) {
            return false; // another handler wrote some of these states meanwhile
        }
        addAll(next.values().stream().flatMap(state -> states.moves().apply(state).stream()).toList());
        return true;
    }

    private <V, S extends State<V>> void countOneByOne(List<Step<V>> steps, States<V, S> states) {
        for (int index = 0; index < steps.size(); index++) {
            Step<V> step = steps.get(index);
            try {
                count(step.value(), step.partition(), step.offset(), states);
            } catch (RuntimeException failed) {
                // the records before it are counted: the container commits them and retries from this one
                throw new BatchListenerFailedException("Counting the record at offset " + step.offset()
                        + " of partition " + step.partition() + " failed", failed, index);
            }
        }
    }

    /** @return whether every state was stored; false when another handler replaced or inserted one meanwhile */
    private <V, S extends State<V>> boolean replaceAllIfUnchanged(Map<String, S> held, Map<String, S> next,
            States<V, S> states) {
        BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, states.type());
        int inserts = 0;
        int replacements = 0;
        for (Map.Entry<String, S> state : next.entrySet()) {
            S before = held.get(state.getKey());
            if (before == null) {
                bulk.insert(state.getValue());
                inserts++;
            } else {
                bulk.replaceOne(query(where("_id").is(state.getKey()).and("eventId").is(before.eventId())),
                        state.getValue());
                replacements++;
            }
        }
        BulkWriteResult written;
        try {
            written = bulk.execute();
        } catch (BulkOperationException | DuplicateKeyException firstStateStoredMeanwhile) {
            return false; // the writes that did not fail are in, like a crash after them
        }
        return written.getInsertedCount() == inserts && written.getMatchedCount() == replacements;
    }

    /**
     * Applies the moves, each document's in one compare-and-set carrying their sum and the highest position per
     * source; a move at or below the document's position for its source is in it already and left out.
     */
    private void addAll(List<Move> moves) {
        Map<String, Map<String, List<Move>>> byCollection = new LinkedHashMap<>();
        for (Move move : moves) {
            byCollection.computeIfAbsent(move.collection(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(move.id(), id -> new ArrayList<>()).add(move);
        }
        byCollection.forEach(this::addAll);
    }

    private void addAll(String collection, Map<String, List<Move>> byDocument) {
        Map<String, List<Move>> pending = byDocument;
        while (!pending.isEmpty()) {
            Map<String, Document> held = new HashMap<>();
            mongo.find(query(where("_id").in(pending.keySet())), Document.class, collection)
                    .forEach(document -> held.put(document.getString("_id"), document));
            List<String> ids = new ArrayList<>();
            List<UpdateOneModel<Document>> updates = new ArrayList<>();
            pending.forEach((id, documentMoves) -> {
                UpdateOneModel<Document> update = updateOf(id, held.get(id), documentMoves);
                if (update != null) {
                    ids.add(id);
                    updates.add(update);
                }
            });
            Map<String, List<Move>> changedMeanwhile = new LinkedHashMap<>();
            for (int index : failedAsChangedMeanwhile(collection, updates)) {
                changedMeanwhile.put(ids.get(index), pending.get(ids.get(index)));
            }
            pending = changedMeanwhile; // read again: another handler's step came first
        }
    }

    /** @return the compare-and-set carrying the moves the document has not taken, null when it took them all */
    private static UpdateOneModel<Document> updateOf(String id, Document held, List<Move> moves) {
        long version = held == null ? 0 : held.get("version", Number.class).longValue();
        Document positions = held == null ? null : held.get("offsets", Document.class);
        Map<String, Long> sums = new HashMap<>();
        Map<String, Long> highest = new HashMap<>();
        for (Move move : moves) {
            Number taken = positions == null ? null : positions.get(move.source(), Number.class);
            if (taken == null || taken.longValue() < move.position()) {
                move.increments().forEach((field, n) -> sums.merge(field, n, Long::sum));
                highest.merge(move.source(), move.position(), Math::max);
            }
        }
        if (highest.isEmpty()) {
            return null;
        }
        Update update = new Update().inc("version", 1);
        sums.forEach(update::inc);
        highest.forEach((source, position) -> update.set("offsets." + source, position));
        moves.get(0).fields().forEach(update::setOnInsert);
        return new UpdateOneModel<>(Filters.and(Filters.eq("_id", id), Filters.eq("version", version)),
                update.getUpdateObject(), new UpdateOptions().upsert(true));
    }

    /** @return the indexes of the updates that found the document's version moved (a duplicate key on its upsert) */
    private List<Integer> failedAsChangedMeanwhile(String collection, List<UpdateOneModel<Document>> updates) {
        if (updates.isEmpty()) {
            return List.of();
        }
        try {
            mongo.getCollection(collection).bulkWrite(updates, new BulkWriteOptions().ordered(false));
            return List.of();
        } catch (MongoBulkWriteException failed) {
            List<Integer> changed = new ArrayList<>();
            for (BulkWriteError error : failed.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw failed;
                }
                changed.add(error.getIndex());
            }
            return changed;
        }
    }

    private boolean replaceIfUnchanged(State<?> held, State<?> next) {
        if (held == null) {
            try {
                mongo.insert(next);
                return true;
            } catch (DuplicateKeyException firstStateStoredMeanwhile) {
                return false;
            }
        }
        return mongo.replace(query(where("_id").is(held.id()).and("eventId").is(held.eventId())), next)
                .getMatchedCount() == 1;
    }

    private void add(Move move) {
        add(move.collection(), move.id(), move.source(), move.position(), move.increments(), move.fields());
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
