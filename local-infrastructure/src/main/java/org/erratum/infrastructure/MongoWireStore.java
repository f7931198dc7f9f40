package org.erratum.infrastructure;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The local run's MongoDB-wire-compatible store: mongo-java-server on its H2 backend, persisting to one file.
 *
 * <p>mongo-java-server never commits the H2 store itself; H2 writes what changed in the background about once a
 * second, so a write acknowledged to a service in that second was lost when the process died (a kill -9 of the
 * launcher, say) — after feedback-service had answered the reader 202. Here every command's changes are committed
 * to the file before its answer is sent. That is a write system call per write, not an fsync: it survives the
 * process, not a power cut.
 */
public final class MongoWireStore implements AutoCloseable {

    private final H2Backend backend;
    private final MongoServer server;
    private final Binding binding;

    private MongoWireStore(Path file, Binding binding, int port) {
        this.binding = binding;
        backend = new CommittingH2Backend(file.toAbsolutePath().toString());
        server = new MongoServer(backend);
        try {
            server.bind(new InetSocketAddress(binding.address(), port));
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /** @param port 0 for any free port */
    public static MongoWireStore start(Path file, Binding binding, int port) {
        return new MongoWireStore(file, binding, port);
    }

    /** {@code mongodb://host:port}, without a database name. */
    public String uri() {
        return "mongodb://" + binding.clientHost() + ":" + server.getLocalAddress().getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }

    /**
     * Commits after every command that changed something, before its answer goes out. Every write a client can
     * send arrives here as a command, whichever wire message carried it.
     */
    private static final class CommittingH2Backend extends H2Backend {

        CommittingH2Backend(String file) {
            super(file);
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
    }
}
