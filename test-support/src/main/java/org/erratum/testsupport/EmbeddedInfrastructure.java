package org.erratum.testsupport;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Apache Kafka broker in KRaft mode (Kafka's own cluster test kit, in this JVM) and mongo-java-server, a
 * MongoDB-wire-compatible store, on random free ports and in memory: used by the tests when no Docker engine
 * answers. (The local launcher runs Kafka's own server on kept storage instead: local-system's
 * {@code KafkaBrokerProcess}.)
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    /** Enough partitions that several instances of a service share the work. */
    public static final int PARTITIONS = 3;

    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoServer mongo;
    private final MongoBackend mongoBackend;
    private final Endpoints endpoints;

    private EmbeddedInfrastructure() {
        kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        kafka.afterPropertiesSet();
        // the memory backend, whose indexes are hash maps: the H2 backend compares index keys by serializing them,
        // which makes each write cost milliseconds once a collection holds thousands of documents
        mongoBackend = new MemoryBackend();
        mongo = new MongoServer(mongoBackend);
        mongo.bind(new InetSocketAddress("127.0.0.1", 0));
        endpoints = new Endpoints(kafka.getBrokersAsString(),
                "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort(), true);
    }

    public static EmbeddedInfrastructure startEphemeral() {
        return new EmbeddedInfrastructure();
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
