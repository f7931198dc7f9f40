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
 * ({@link BsonFormat}). A chunk stays allocated while any of its pages is live, and a document's leaf page stays
 * live until a write lands beside it, so without compaction nearly every chunk is kept for a page or two: 11 KB of
 * file per stored vote against 0.9 KB of data (README, Store size). The store therefore compacts while it runs,
 * in small steps on a thread of its own: live pages moved out of the sparsest chunks while less than
 * {@value #COMPACT_BELOW_FILL_RATE} % of the chunks' bytes are live.
 */
public final class MongoWireStore implements AutoCloseable {

    /** Below this share of live bytes in the chunks, they are compacted. */
    private static final int COMPACT_BELOW_FILL_RATE = 90;

    /** How often a round of compaction may start. */
    private static final long COMPACT_CHECK_MILLIS = 100;

    /** How long a round of compaction may go on starting steps; what is left waits for the next round. */
    private static final long COMPACT_MAX_MILLIS = 20;

    /** While the file does not grow, compaction stops after this many rounds in a row that left it no shorter. */
    private static final int ROUNDS_WITHOUT_GAIN = 300;

    /** Live bytes moved in one step, which holds the store (writes wait meanwhile). */
    private static final int COMPACT_STEP_BYTES = 64 * 1024;

    private final H2Backend backend;
    private final MongoServer server;
    private final Binding binding;
    /** The compactor's own: the file's size after its last round, and its rounds since one shortened it. */
    private long sizeAfterCompaction;
    private int roundsWithoutGain;

    private final ScheduledExecutorService compactor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mongo-store-compactor");
        thread.setDaemon(true);
        return thread;
    });

    private MongoWireStore(Path file, Binding binding, int port) {
        this.binding = binding;
        if (Files.exists(file) && BsonFormat.needsRewrite(file)) {
            // every live entry copied to a fresh file that then replaces the old one in one rename (so a crash
            // meanwhile leaves the old file as it was): a file from before documents were stored as BSON is
            // converted, and one mostly dead space shrinks to its data. Not on every start: it took 4 s for 10,000
            // stored votes, and a file the compaction while running kept mostly live needs none
            BsonFormat.rewrite(file);
        }
        // H2's own background compaction off: rewriting sparse chunks it held the store for up to 2 s (p99, see
        // README); compact does it in small steps instead
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
        compactor.scheduleWithFixedDelay(this::compactWhileItGains, COMPACT_CHECK_MILLIS, COMPACT_CHECK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** @param port 0 for any free port */
    public static MongoWireStore start(Path file, Binding binding, int port) {
        return new MongoWireStore(file, binding, port);
    }

    /** {@code mongodb://host:port}, without a database name. */
    public String uri() {
        return "mongodb://" + binding.clientHost() + ":" + server.getLocalAddress().getPort();
    }

    /**
     * A round of compaction, every {@value #COMPACT_CHECK_MILLIS} ms while the file grows, and after it stopped
     * growing until {@value #ROUNDS_WITHOUT_GAIN} rounds in a row left it no shorter: H2's compaction does not settle
     * (each step's chunk holds pages the next step moves again), so it would otherwise go on for ever, also while
     * writes only trickle in and reuse the space compaction freed.
     */
    private void compactWhileItGains() {
        MVStore store = backend.getMvStore();
        try {
            long size = store.getFileStore().size();
            if (size > sizeAfterCompaction) {
                roundsWithoutGain = 0; // clients' writes made it longer
            }
            if (!store.isClosed() && roundsWithoutGain < ROUNDS_WITHOUT_GAIN) {
                compact(COMPACT_MAX_MILLIS);
                sizeAfterCompaction = store.getFileStore().size();
                roundsWithoutGain = sizeAfterCompaction < size ? 0 : roundsWithoutGain + 1;
            }
        } catch (RuntimeException e) {
            // the store itself stays usable: the next check tries again
            System.err.println("Could not compact " + store.getFileStore().getFileName() + ": " + e);
        }
    }

    /**
     * Compacts the file in steps, for {@code maxMillis} at most, while less than {@value #COMPACT_BELOW_FILL_RATE} %
     * of its chunks' bytes are live. A step marks the live pages of the sparsest chunks, up to
     * {@value #COMPACT_STEP_BYTES} bytes, to be written again (holding the store meanwhile; H2's {@code compactFile}
     * would mark up to 16 MB at once, and only with H2's own background compaction on), and commits them here rather
     * than in the next client's command. The chunks they leave are reused at once, and the file is shortened
     * whenever its end is free (H2 does that on every write). Chunks are not moved towards the start: H2's
     * moving of chunks failed its own assertions under concurrent writes here.
     */
    void compact(long maxMillis) {
        MVStore store = backend.getMvStore();
        long stopAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (!store.isClosed() && System.nanoTime() - stopAt < 0
                && store.compact(COMPACT_BELOW_FILL_RATE, COMPACT_STEP_BYTES)) {
            store.commit();
        }
    }

    @Override
    public void close() {
        // not interrupted: an interrupt in the middle of a file write closes H2's file channel
        compactor.shutdown();
        try {
            compactor.awaitTermination(1, TimeUnit.SECONDS); // a round, its last step slowed by a loaded machine
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
