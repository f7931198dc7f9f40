package org.erratum.platform.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.erratum.platform.tally.OnceOnlyCounters.Move;
import org.erratum.platform.tally.OnceOnlyCounters.Next;
import org.erratum.platform.tally.OnceOnlyCounters.State;
import org.erratum.platform.tally.OnceOnlyCounters.States;
import org.erratum.platform.tally.OnceOnlyCounters.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Counting a poll at once on the embedded store (mongo-java-server, as the services' tests and the local run use):
 * first that the store answers the reads and bulk writes as {@link OnceOnlyCounters} assumes, then that a poll whose
 * state writes partly fail (another handler stored some of its states between the read and the bulk) falls back and
 * stays exact. The services' own tests cover their tallies through the same class.
 */
class OnceOnlyCountersMongoTests {

    private static final String TALLY = "tallies";
    private static final States<Vote, Latest> VOTES = votes(Latest::after);

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoTemplate mongo;

    OnceOnlyCountersMongoTests() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        mongo = new MongoTemplate(client, "tally-tests");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void theStoreReadsByIdInAndReportsEachFailedWriteOfAnUnorderedBulkByItsIndex() {
        var collection = mongo.getCollection("documents");
        collection.insertOne(new Document("_id", "a").append("version", 1));
        collection.insertOne(new Document("_id", "b").append("version", 1));

        assertThat(mongo.find(query(where("_id").in(List.of("a", "b", "missing"))), Document.class, "documents"))
                .extracting(d -> d.getString("_id")).containsExactlyInAnyOrder("a", "b");

        var options = new UpdateOptions().upsert(true);
        assertThatThrownBy(() -> collection.bulkWrite(List.of(
                new UpdateOneModel<>(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 0)),
                        Updates.inc("version", 1), options), // the version moved: the upsert's insert collides
                new UpdateOneModel<>(Filters.and(Filters.eq("_id", "b"), Filters.eq("version", 1)),
                        Updates.inc("version", 1), options),
                new InsertOneModel<>(new Document("_id", "b")),
                new UpdateOneModel<>(Filters.and(Filters.eq("_id", "c"), Filters.eq("version", 0)),
                        Updates.inc("version", 1), options)), new BulkWriteOptions().ordered(false)))
                .isInstanceOfSatisfying(MongoBulkWriteException.class, failed -> assertThat(failed.getWriteErrors())
                        .extracting(e -> e.getIndex() + ":" + e.getCode()).containsExactly("0:11000", "2:11000"));

        assertThat(collection.find().into(new ArrayList<>())).extracting(d -> d.getString("_id") + "@"
                + d.get("version")).containsExactlyInAnyOrder("a@1", "b@2", "c@1");
    }

    @Test
    void aPollWhoseStatesAnotherHandlerStoredMeanwhileIsCountedOnceRecordByRecord() {
        OnceOnlyCounters counters = new OnceOnlyCounters(mongo);
        counters.countAll(List.of(step("reader-a", 1, true, 1), step("reader-b", 1, false, 2)), VOTES);

        List<Step<Vote>> poll = List.of(step("reader-a", 2, false, 3), step("reader-c", 1, true, 4),
                step("reader-a", 3, true, 5), step("reader-d", 1, false, 6), step("reader-b", 2, true, 7));
        // after this handler read the poll's states, another instance counts the start of the same records (its
        // poll was cut shorter): it replaces reader-a's state and stores reader-c's first, so of this handler's
        // state writes those two fail and the others succeed
        AtomicBoolean raced = new AtomicBoolean();
        counters.countAll(poll, votes((held, vote, partition, offset) -> {
            if (raced.compareAndSet(false, true)) {
                counters.countAll(poll.subList(0, 2), VOTES);
            }
            return Latest.after(held, vote, partition, offset);
        }));
        assertThat(raced).isTrue();
        assertThat(tally()).as("a and b changed to yes, c yes, d no").isEqualTo(Map.of("yes", 3L, "no", 1L));

        counters.countAll(poll, VOTES); // the other instance's rest, or a redelivery: nothing moves again
        assertThat(tally()).isEqualTo(Map.of("yes", 3L, "no", 1L));
        assertThat(mongo.findAll(Latest.class)).extracting(latest -> latest.id() + ":" + latest.helpful())
                .containsExactlyInAnyOrder("reader-a:true", "reader-b:true", "reader-c:true", "reader-d:false");
    }

    private Map<String, Long> tally() {
        Document tally = mongo.findById("total", Document.class, TALLY);
        return Map.of("yes", tally.get("yes", Number.class).longValue(),
                "no", tally.get("no", Number.class).longValue());
    }

    private static Step<Vote> step(String reader, long time, boolean helpful, long offset) {
        return new Step<>(new Vote(reader, "event-" + offset, time, helpful), 0, offset);
    }

    record Vote(String reader, String eventId, long time, boolean helpful) {
    }

    record Latest(@Id String id, String eventId, long time, boolean helpful, Boolean previousHelpful, int partition,
            long offset) implements State<Vote> {

        @Override
        public boolean isOlderThan(Vote vote) {
            return time < vote.time();
        }

        @Override
        public boolean madeBy(Vote vote, int partition, long offset) {
            return eventId.equals(vote.eventId()) && this.partition == partition && this.offset == offset;
        }

        static Latest after(Latest held, Vote vote, int partition, long offset) {
            return new Latest(vote.reader(), vote.eventId(), vote.time(), vote.helpful(),
                    held == null ? null : held.helpful(), partition, offset);
        }

        /** A reader's latest vote, counted into one yes/no tally. */
        List<Move> moves() {
            String answer = helpful ? "yes" : "no";
            Map<String, Long> change;
            if (previousHelpful == null) {
                change = Map.of(answer, 1L);
            } else if (previousHelpful != helpful) {
                change = Map.of(answer, 1L, previousHelpful ? "yes" : "no", -1L);
            } else {
                return List.of();
            }
            return List.of(new Move(TALLY, "total", Integer.toString(partition), offset, change, Map.of()));
        }
    }

    private static States<Vote, Latest> votes(Next<Vote, Latest> next) {
        return new States<>(Latest.class, Vote::reader, next, Latest::moves);
    }
}
