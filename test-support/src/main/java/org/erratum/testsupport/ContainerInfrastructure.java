package org.erratum.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The same infrastructure as real images, for machines where a Docker engine answers. */
final class ContainerInfrastructure {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String MONGO_IMAGE = "mongo:8.0.12";

    private ContainerInfrastructure() {
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM exits
    static Endpoints start() {
        var kafka = new KafkaContainer(KAFKA_IMAGE);
        var mongo = new MongoDBContainer(MONGO_IMAGE);
        kafka.start();
        mongo.start();
        return new Endpoints(kafka.getBootstrapServers(), mongo.getConnectionString(), false);
    }
}
