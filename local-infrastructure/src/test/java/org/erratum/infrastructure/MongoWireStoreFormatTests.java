package org.erratum.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store keeps documents and unique-index keys as BSON. A file written before that (by mongo-java-server's own
 * H2 backend, everything Java-serialized) is converted when the store starts on it: every document reads back as
 * it was written, its unique indexes still refuse duplicates, and it stays readable across further restarts.
 */
class MongoWireStoreFormatTests {

    @TempDir
    Path directory;

    @Test
    void aFileInTheOldFormatIsConvertedAndEveryDocumentReadsBack() {
        Path file = directory.resolve("mongo.mv");
        List<Document> written = documents();
        H2Backend old = new H2Backend(file.toString());
        MongoServer oldServer = new MongoServer(old);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + oldServer.bind().getPort())) {
            MongoCollection<Document> votes = votes(client);
            votes.createIndex(Indexes.ascending("_id", "eventId"), new IndexOptions().name("event").unique(true));
            votes.createIndex(Indexes.ascending("readerKey"), new IndexOptions().name("reader").unique(true));
            votes.insertMany(written);
            votes.updateOne(Filters.eq("_id", "vote-3"), Updates.set("helpful", false));
            written.get(3).put("helpful", false);
            votes.deleteOne(Filters.eq("_id", "vote-4"));
            written.remove(4);
            items(client).insertOne(new Document("_id", new ObjectId()).append("reports", List.of(
                    new Document("eventId", new Binary(BsonBinarySubType.UUID_STANDARD, new byte[16])).append("passage", "“Dosage” — 5 mg ✓"))));
            old.commit();
        } finally {
            oldServer.shutdownNow();
            old.close();
        }
        Document item;
        try (MongoWireStore store = MongoWireStore.start(file, Binding.LOOPBACK, 0);
                MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> votes = votes(client);
            assertThat(votes.find().sort(Sorts.ascending("order")).into(new ArrayList<>())).isEqualTo(written);
            item = items(client).find().first();
            assertThat(item.getList("reports", Document.class).get(0).getString("passage"))
                    .isEqualTo("“Dosage” — 5 mg ✓");
            assertDuplicateRefused(votes, new Document("_id", "new").append("readerKey", "reader-2"));
            assertThat(votes.find(Filters.eq("readerKey", "reader-7")).first().getString("_id")).isEqualTo("vote-7");
            votes.insertOne(new Document("_id", "after").append("readerKey", "reader-after").append("order", 99));
            written.add(new Document("_id", "after").append("readerKey", "reader-after").append("order", 99));
        }

        try (MVStore converted = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            assertThat(converted.openMap(BsonFormat.documentMapName("erratum-feedback.votes"),
                    BsonFormat.documents()).get("vote-7").get("readerKey")).isEqualTo("reader-7");
        }

        try (MongoWireStore reopened = MongoWireStore.start(file, Binding.LOOPBACK, 0);
                MongoClient client = MongoClients.create(reopened.uri())) {
            MongoCollection<Document> votes = votes(client);
            assertThat(votes.find().sort(Sorts.ascending("order")).into(new ArrayList<>())).isEqualTo(written);
            assertThat(items(client).find().first()).isEqualTo(item);
            assertDuplicateRefused(votes, new Document("_id", "vote-1").append("readerKey", "reader-new"));
            assertDuplicateRefused(votes, new Document("_id", "new").append("readerKey", "reader-after"));
        }
    }

    /** Each a vote with the value types a service stores, and some the services do not (yet) use. */
    private static List<Document> documents() {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            documents.add(new Document("_id", "vote-" + i).append("order", i).append("readerKey", "reader-" + i)
                    .append("helpful", i % 2 == 0).append("reason", i % 2 == 0 ? null : "OUTDATED")
                    .append("eventId", UUID.randomUUID().toString()).append("offset", 1_000_000_000_000L + i)
                    .append("acceptedAt", Date.from(Instant.parse("2026-09-01T10:15:30.123Z").plusSeconds(i)))
                    .append("score", i / 3.0).append("spamReasons", List.of("LINK", "REPEATED"))
                    .append("revisions", new Document("1", new Document("yes", 3L).append("no", 1L)))
                    .append("digest", new Binary(new byte[] {1, 2, (byte) i})).append("amount",
                            Decimal128.parse("12.5" + i)).append("reference", new ObjectId()));
        }
        return documents;
    }

    private static void assertDuplicateRefused(MongoCollection<Document> votes, Document duplicate) {
        assertThatThrownBy(() -> votes.insertOne(duplicate)).isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    private static MongoCollection<Document> votes(MongoClient client) {
        return client.getDatabase("erratum-feedback").getCollection("votes");
    }

    private static MongoCollection<Document> items(MongoClient client) {
        return client.getDatabase("erratum-review").getCollection("review_items");
    }
}
