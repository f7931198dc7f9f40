package org.erratum.feedback.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The writes intake waits for before it answers, committed in groups: every request hands its document to one
 * writer thread and waits until MongoDB acknowledged it, and the writer sends whatever has queued up meanwhile as
 * one bulk write. Under load one round trip then stores many readers' feedback; a lone request waits for its own.
 * Nothing is answered before its own write is acknowledged, so the durability of each answer is unchanged.
 */
@Component
public class IntakeWrites implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IntakeWrites.class);

    /** Most writes in one bulk; more simply wait for the next. */
    private static final int MAX_GROUP = 500;

    /** Longer than the driver's own timeouts: by then MongoDB has answered or failed the write. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final MongoTemplate mongo;
    private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private volatile Thread writer;

    IntakeWrites(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores a new document; returns once MongoDB acknowledged it. */
    public void insert(Object document) {
        await(new Write(document, false));
    }

    /** Stores an outbox entry, replacing the document with its id if there is one; returns once acknowledged. */
    public void replace(OutboxEntry entry) {
        await(new Write(entry, true));
    }

    private void await(Write write) {
        if (writer == null) {
            throw new IllegalStateException("Intake is not accepting feedback: the service is stopping");
        }
        queue.add(write);
        try {
            write.done().get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("MongoDB did not acknowledge the write within " + MAX_WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing feedback", e);
        }
    }

    @Override
    public synchronized void start() {
        Thread thread = new Thread(this::writeUntilStopped, "intake-writes");
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    @Override
    public synchronized void stop() {
        Thread thread = writer;
        writer = null; // no new writes; the ones queued are still written
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(MAX_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    /** Stops after the HTTP server stopped taking requests, and before MongoDB's client is closed. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private void writeUntilStopped() {
        List<Write> group = new ArrayList<>();
        while (writer != null || !queue.isEmpty()) {
            try {
                Write first = writer == null ? queue.poll() : queue.take();
                if (first == null) {
                    return;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                write(group);
            } catch (InterruptedException e) {
                // stopping: write what is queued, then end
            } finally {
                group.clear();
            }
        }
    }

    /**
     * One bulk per kind of document, each in the order the writes arrived. The documents are mapped with the
     * template's converter, exactly as the template would store them, and written with the driver directly: the
     * template's bulk operations map every write again and publish mapping events per document, which under load
     * cost more than the write itself.
     */
    private void write(List<Write> group) {
        Map<Class<?>, List<Write>> byType = new LinkedHashMap<>();
        group.forEach(write -> byType.computeIfAbsent(write.document().getClass(), type -> new ArrayList<>())
                .add(write));
        byType.forEach((type, writes) -> {
            try {
                collectionOf(type).bulkWrite(writes.stream().map(this::model).toList());
                writes.forEach(write -> write.done().complete(null));
            } catch (RuntimeException bulkFailed) {
                // find out which write failed: each gets its own outcome
                log.debug("A bulk of {} intake writes failed; writing them one by one", writes.size(), bulkFailed);
                writes.forEach(this::writeAlone);
            }
        });
    }

    private void writeAlone(Write write) {
        try {
            collectionOf(write.document().getClass()).bulkWrite(List.of(model(write)));
            write.done().complete(null);
        } catch (RuntimeException e) {
            write.done().completeExceptionally(e);
        }
    }

    private MongoCollection<Document> collectionOf(Class<?> type) {
        return mongo.getCollection(mongo.getCollectionName(type));
    }

    private WriteModel<Document> model(Write write) {
        Document document = new Document();
        mongo.getConverter().write(write.document(), document);
        if (write.replace()) {
            return new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document,
                    new ReplaceOptions().upsert(true));
        }
        return new InsertOneModel<>(document);
    }

    private record Write(Object document, boolean replace, CompletableFuture<Void> done) {

        Write(Object document, boolean replace) {
            this(document, replace, new CompletableFuture<>());
        }
    }
}
