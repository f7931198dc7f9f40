package org.erratum.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compacting the store's file moves what is stored about in it: every acknowledged write is still there afterwards,
 * after a restart, and after a kill -9 of a store that compacted at start-up.
 */
class MongoWireStoreCompactionTests {

    private static final int DOCUMENTS = 300;

    @TempDir
    Path directory;

    @Test
    void writesAcknowledgedBeforeAndAfterACompactionAreThereAfterARestart() {
        Path file = directory.resolve("mongo.mv");
        try (MongoWireStore store = MongoWireStore.start(file, Binding.LOOPBACK, 0);
                MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> votes = votes(client);
            writeAndRewrite(votes);
            store.compact(1_000);
            votes.insertOne(new Document("_id", "after").append("helpful", true));
            votes.updateOne(Filters.eq("_id", 0), Updates.set("helpful", false));
        }

        try (MongoWireStore reopened = MongoWireStore.start(file, Binding.LOOPBACK, 0);
                MongoClient client = MongoClients.create(reopened.uri())) {
            MongoCollection<Document> votes = votes(client);
            assertThat(votes.countDocuments()).isEqualTo(DOCUMENTS + 1);
            assertThat(votes.countDocuments(Filters.eq("rewrites", 3))).isEqualTo(DOCUMENTS);
            assertThat(votes.find(Filters.eq("_id", "after")).first()).isNotNull();
            assertThat(votes.find(Filters.eq("_id", 0)).first().getBoolean("helpful")).isFalse();
        }
    }

    /**
     * A file as mongo-java-server's own H2 settings leave it (every old chunk kept for 45 s: mostly dead space)
     * shrinks when the store starts on it, and a kill -9 straight after the next acknowledged writes loses none.
     */
    @Test
    void aFileCompactedAtStartUpKeepsEveryAcknowledgedWriteThroughAKill() throws Exception {
        Path file = directory.resolve("mongo.mv");
        H2Backend earlier = new H2Backend(file.toString());
        MongoServer earlierServer = new MongoServer(earlier);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:"
                + earlierServer.bind().getPort())) {
            MongoCollection<Document> votes = votes(client);
            for (int i = 0; i < DOCUMENTS; i++) {
                votes.insertOne(new Document("_id", i).append("rewrites", 0));
                earlier.commit(); // a chunk per write, as the store commits
            }
        } finally {
            earlierServer.shutdownNow();
            earlier.close();
        }
        long before = Files.size(file);

        MongoWireStoreCrashTests.killAfterWritesThenReopen(file, client -> {
            // ready once the start-up compaction is done
            assertThat(fileSize(file)).isLessThan(before / 2);
            MongoCollection<Document> votes = votes(client);
            votes.insertOne(new Document("_id", "after").append("rewrites", 0));
            votes.updateOne(Filters.eq("_id", 7), Updates.set("rewrites", 1));
        }, client -> {
            MongoCollection<Document> votes = votes(client);
            assertThat(votes.countDocuments()).isEqualTo(DOCUMENTS + 1);
            assertThat(votes.find(Filters.eq("_id", 7)).first().getInteger("rewrites")).isEqualTo(1);
            assertThat(votes.find(Filters.eq("_id", "after")).first()).isNotNull();
        });
    }

    /** A file the store left mostly live is opened as it is (the same file), with every document in it. */
    @Test
    void aMostlyLiveFileIsNotRewrittenAtStartUp() throws IOException {
        Path file = directory.resolve("mongo.mv");
        try (MongoWireStore store = MongoWireStore.start(file, Binding.LOOPBACK, 0);
                MongoClient client = MongoClients.create(store.uri())) {
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                documents.add(new Document("_id", i).append("rewrites", 0).append("text", "x".repeat(200)));
            }
            votes(client).insertMany(documents); // one command: one chunk, all of it live
        }
        Object written = Files.readAttributes(file, BasicFileAttributes.class).fileKey();

        try (MongoWireStore reopened = MongoWireStore.start(file, Binding.LOOPBACK, 0);
                MongoClient client = MongoClients.create(reopened.uri())) {
            assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey()).isEqualTo(written);
            assertThat(votes(client).countDocuments()).isEqualTo(DOCUMENTS);
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MongoCollection<Document> votes(MongoClient client) {
        return client.getDatabase("erratum-feedback").getCollection("votes");
    }

    /** Each document written, then rewritten three times: each write leaves the chunks before it dead. */
    private static void writeAndRewrite(MongoCollection<Document> votes) {
        for (int i = 0; i < DOCUMENTS; i++) {
            votes.insertOne(new Document("_id", i).append("helpful", true).append("rewrites", 0));
        }
        for (int round = 1; round <= 3; round++) {
            for (int i = 0; i < DOCUMENTS; i++) {
                votes.updateOne(Filters.eq("_id", i), Updates.set("rewrites", round));
            }
        }
    }
}
