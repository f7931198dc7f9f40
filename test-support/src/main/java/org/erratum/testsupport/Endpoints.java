package org.erratum.testsupport;

/**
 * Where the real infrastructure answers.
 *
 * @param kafkaBootstrapServers host:port list of a real Kafka broker (KRaft)
 * @param mongoServer           {@code mongodb://host:port}, without a database name
 */
public record Endpoints(String kafkaBootstrapServers, String mongoServer) {

    public String mongoUri(String database) {
        return mongoServer + "/" + database;
    }
}
