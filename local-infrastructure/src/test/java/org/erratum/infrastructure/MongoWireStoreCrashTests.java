package org.erratum.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local run's store in a JVM of its own, killed with -9 straight after the last write was acknowledged, as a
 * kill of the launcher would: every acknowledged write is in the file when it is opened again.
 */
class MongoWireStoreCrashTests {

    /** Far fewer than H2 would write in its own time: all of them are acknowledged within its one-second delay. */
    private static final int WRITES = 200;

    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedWriteIsInTheFileAfterTheStoreIsKilled() throws Exception {
        killAfterWritesThenReopen(directory.resolve("mongo.mv"), client -> {
            MongoCollection<Document> reports = reports(client);
            for (int i = 0; i < WRITES; i++) {
                reports.insertOne(new Document("_id", i).append("published", false));
            }
            reports.updateOne(Filters.eq("_id", 7), Updates.set("published", true));
            reports.findOneAndUpdate(Filters.eq("_id", 8), Updates.set("published", true));
            reports.deleteOne(Filters.eq("_id", 9));
        }, client -> {
            MongoCollection<Document> reports = reports(client);
            assertThat(reports.countDocuments()).isEqualTo(WRITES - 1);
            assertThat(reports.countDocuments(Filters.eq("published", true))).isEqualTo(2);
            assertThat(reports.find(Filters.eq("_id", WRITES - 1)).first()).isNotNull();
            assertThat(reports.find(Filters.eq("_id", 9)).first()).isNull();
        });
    }

    private static MongoCollection<Document> reports(MongoClient client) {
        return client.getDatabase("erratum-feedback").getCollection("reports");
    }

    /**
     * Starts the store on the file in a JVM of its own, makes the writes through a client once it is ready, kills
     * that JVM with -9 straight after the last write was acknowledged, then opens the file again in this JVM and
     * reads it back.
     */
    static void killAfterWritesThenReopen(Path file, Consumer<MongoClient> writes, Consumer<MongoClient> readBack)
            throws Exception {
        Process store = new ProcessBuilder(JavaCommand.of(List.of("-Xmx256m"), StoreJvm.class.getName(),
                List.of(file.toString()))).redirectErrorStream(true).start();
        try {
            int port = awaitPort(store);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                writes.accept(client);
                store.destroyForcibly(); // before the client goes away: closing it sends the store one more command
                assertThat(store.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            store.destroyForcibly();
        }

        try (MongoWireStore reopened = MongoWireStore.start(file, Binding.LOOPBACK, 0);
                MongoClient client = MongoClients.create(reopened.uri())) {
            readBack.accept(client);
        }
    }

    static int awaitPort(Process store) throws Exception {
        var output = new BufferedReader(new InputStreamReader(store.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(StoreJvm.READY)) {
                return Integer.parseInt(line.substring(StoreJvm.READY.length()).strip());
            }
        }
        throw new IllegalStateException("The store exited with " + store.waitFor() + " before it was ready");
    }

    /** The store alone, as the launcher runs it. Argument: its file. */
    static final class StoreJvm {

        static final String READY = "STORE READY ";

        public static void main(String[] args) throws InterruptedException {
            MongoWireStore store = MongoWireStore.start(Path.of(args[0]), Binding.LOOPBACK, 0);
            System.out.println(READY + store.uri().substring(store.uri().lastIndexOf(':') + 1));
            new CountDownLatch(1).await();
        }
    }
}
