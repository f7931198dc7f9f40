package org.erratum.testsupport;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Apache Kafka broker in KRaft mode (Kafka's own cluster test kit, in this JVM) and mongo-java-server, a
 * MongoDB-wire-compatible store. Used by the tests when no Docker engine answers, and by the local launcher.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    /** Enough partitions that several instances of a service share the work. */
    public static final int PARTITIONS = 3;

    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoServer mongo;
    private final MongoBackend mongoBackend;
    private final Endpoints endpoints;

    private EmbeddedInfrastructure(int kafkaPort, int mongoPort, Path mongoFile) {
        kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        if (kafkaPort > 0) {
            kafka.kafkaPorts(kafkaPort);
        }
        kafka.afterPropertiesSet();
        // In memory: the memory backend, whose indexes are hash maps. The H2 backend persists to a file, but every
        // index lookup compares keys by serializing them, which makes each write cost milliseconds once a
        // collection holds thousands of documents.
        mongoBackend = mongoFile == null ? new MemoryBackend() : new H2Backend(mongoFile.toString());
        mongo = new MongoServer(mongoBackend);
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", mongoPort);
        mongo.bind(address);
        endpoints = new Endpoints(kafka.getBrokersAsString(),
                "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort());
    }

    /** Random free ports, memory only: for tests. */
    public static EmbeddedInfrastructure startEphemeral() {
        return new EmbeddedInfrastructure(0, 0, null);
    }

    /**
     * Fixed ports, and a store that persists to {@code dataDirectory/mongo.mv} so a restart keeps articles,
     * feedback and the queue: for running the system locally.
     */
    public static EmbeddedInfrastructure startPersistent(int kafkaPort, int mongoPort, Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new EmbeddedInfrastructure(kafkaPort, mongoPort, dataDirectory.resolve("mongo.mv"));
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        mongo.shutdownNow();
        mongoBackend.close();
        kafka.destroy();
    }
}
