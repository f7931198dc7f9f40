package org.erratum.testsupport;

/**
 * Where the real infrastructure answers.
 *
 * @param kafkaBootstrapServers host:port list of a real Kafka broker (KRaft)
 * @param mongoServer           {@code mongodb://host:port}, without a database name
 * @param embeddedStore         whether that is the embedded Mongo-wire store: a service started on it needs
 *                              {@link #EMBEDDED_STORE_SETTING} set to this
 */
public record Endpoints(String kafkaBootstrapServers, String mongoServer, boolean embeddedStore) {

    /** The platform's switch for what only the embedded store needs ({@code EmbeddedStoreIndexes.SETTING}). */
    public static final String EMBEDDED_STORE_SETTING = "erratum.mongo.embedded-store";

    public String mongoUri(String database) {
        return mongoServer + "/" + database;
    }
}
