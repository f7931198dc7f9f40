package org.erratum.infrastructure;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The local run's MongoDB-wire-compatible store: mongo-java-server on its H2 backend, persisting to one file.
 *
 * <p>mongo-java-server never commits the H2 store itself; H2 writes what changed in the background about once a
 * second, so a write acknowledged to a service in that second was lost when the process died (a kill -9 of the
 * launcher, say) — after feedback-service had answered the reader 202. Here every command's changes are committed
 * to the file before its answer is sent. That is a write system call per write, not an fsync: it survives the
 * process, not a power cut.
 *
 * <p>The file is kept compact. Every commit writes a chunk of its own (at least one 4 KB block), and H2 by default
 * keeps a chunk for 45 s after nothing uses it any more, so at a hundred writes a second the file held far more dead
 * chunks than data: 231 MB after about 36,000 votes. Here a chunk's space is reused as soon as no version in use
 * needs it (the 45 s only guard against a disk that has not flushed its write buffers yet: a power cut, which this
 * store does not survive anyway; the operating system has every written chunk once the write call returned, and a
 * killed process loses nothing it wrote). Documents and index keys are stored as BSON, in Deflate-compressed pages
 * ({@link BsonFormat}). The file is rewritten with its live entries only at start-up, and while it runs, live
 * pages are moved out of sparse chunks and the file shortened whenever it is less than
 * {@value #COMPACT_BELOW_FILL_RATE} % live data.
 */
public final class MongoWireStore implements AutoCloseable {

    /** Below this share of live data in the file, it is compacted. */
    private static final int COMPACT_BELOW_FILL_RATE = 50;

    /** How often the file's fill rate is looked at. */
    private static final long COMPACT_CHECK_SECONDS = 30;

    /** The longest one compaction may hold the store (writes wait meanwhile); what is left waits for the next. */
    private static final int COMPACT_MAX_MILLIS = 500;

    private final H2Backend backend;
    private final MongoServer server;
    private final Binding binding;
    private final ScheduledExecutorService compactor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mongo-store-compactor");
        thread.setDaemon(true);
        return thread;
    });

    private MongoWireStore(Path file, Binding binding, int port) {
        this.binding = binding;
        if (Files.exists(file)) {
            // every live entry copied to a fresh file that then replaces the old one in one rename (so a crash
            // meanwhile leaves the old file as it was): what a run left behind shrinks to its data before anything
            // is served, and a file from before documents were stored as BSON is converted. Online compaction gets
            // only part of the way (measured: 2.4 times the data, see README)
            BsonFormat.rewrite(file);
        }
        // H2's own background compaction off: rewriting sparse chunks it held the store for up to 2 s (p99, see
        // README); compactIfSparse does it time-boxed instead
        MVStore store = BsonFormat.builder(file).autoCompactFillRate(0).open();
        store.setRetentionTime(0);
        BsonFormat.mark(store);
        store.commit();
        backend = new CommittingH2Backend(store);
        server = new MongoServer(backend);
        try {
            server.bind(new InetSocketAddress(binding.address(), port));
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        compactor.scheduleWithFixedDelay(this::compactIfSparse, COMPACT_CHECK_SECONDS, COMPACT_CHECK_SECONDS,
                TimeUnit.SECONDS);
    }

    /** @param port 0 for any free port */
    public static MongoWireStore start(Path file, Binding binding, int port) {
        return new MongoWireStore(file, binding, port);
    }

    /** {@code mongodb://host:port}, without a database name. */
    public String uri() {
        return "mongodb://" + binding.clientHost() + ":" + server.getLocalAddress().getPort();
    }

    /** Compacts the file if less than {@link #COMPACT_BELOW_FILL_RATE} % of it is live data. */
    private void compactIfSparse() {
        MVStore store = backend.getMvStore();
        if (!store.isClosed() && store.getFillRate() < COMPACT_BELOW_FILL_RATE) {
            try {
                compact();
            } catch (RuntimeException e) {
                // the store itself stays usable: the next check tries again
                System.err.println("Could not compact " + store.getFileStore().getFileName() + ": " + e);
            }
        }
    }

    /** Moves live pages out of sparse chunks and the chunks together, and shortens the file. */
    void compact() {
        backend.getMvStore().compactFile(COMPACT_MAX_MILLIS);
    }

    @Override
    public void close() {
        // not interrupted: an interrupt in the middle of a file write closes H2's file channel
        compactor.shutdown();
        try {
            compactor.awaitTermination(COMPACT_MAX_MILLIS * 5L, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutdownNow();
        backend.close();
    }

    /**
     * Commits after every command that changed something, before its answer goes out. Every write a client can
     * send arrives here as a command, whichever wire message carried it. Its databases store documents and index
     * keys as BSON ({@link BsonFormat}).
     */
    private static final class CommittingH2Backend extends H2Backend {

        CommittingH2Backend(MVStore store) {
            super(store);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            try {
                return super.handleCommand(channel, database, command, query);
            } finally {
                // a failed command (a duplicate key in the middle of a batch) may still have changed something
                if (getMvStore().hasUnsavedChanges()) {
                    commit();
                }
            }
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new BsonH2Database(databaseName);
        }

        /**
         * mongo-java-server's H2 database, its maps opened first with the BSON types: it then opens them by name
         * and gets the map already open. An inner class, as H2Database's constructor opens collections before a
         * subclass's own fields are set.
         */
        private final class BsonH2Database extends H2Database {

            BsonH2Database(String name) {
                super(name, getMvStore(), getCursorRegistry());
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName,
                    CollectionOptions options) {
                getMvStore().openMap(BsonFormat.documentMapName(getFullCollectionNamespace(collectionName)),
                        BsonFormat.documents());
                return super.openOrCreateCollection(collectionName, options);
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                    List<IndexKey> keys, boolean sparse) {
                getMvStore().openMap(BsonFormat.indexMapName(getFullCollectionNamespace(collectionName), indexName),
                        BsonFormat.indexKeys());
                return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            }
        }
    }
}
