package org.erratum.local;

import org.erratum.infrastructure.Binding;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The three services started against one broker and one store, each with its own database. */
public final class ErratumServices implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final List<ServiceProcess> services;

    private ErratumServices(List<ServiceProcess> services) {
        this.services = services;
    }

    /** On loopback, as the tests run them. */
    public static ErratumServices start(Infrastructure infrastructure, Path jars, Ports ports, String databaseSuffix,
            Path logs, Map<String, String> extra) {
        return start(infrastructure, jars, Binding.LOOPBACK, ports, databaseSuffix, logs, extra, List.of());
    }

    /**
     * @param jars           folder holding content-service.jar, feedback-service.jar and review-service.jar
     * @param binding        the address the services listen on
     * @param ports          content, feedback and review ports
     * @param databaseSuffix appended to each service's database and consumer group names: empty for the local
     *                       system, unique for a test, so systems sharing one broker and store never see each
     *                       other's data or events
     * @param extra          more properties for every service
     * @param jvmOptions     more options for every service's JVM
     */
    public static ErratumServices start(Infrastructure infrastructure, Path jars, Binding binding, Ports ports,
            String databaseSuffix, Path logs, Map<String, String> extra, List<String> jvmOptions) {
        List<ServiceProcess> started = new ArrayList<>();
        // its own consumer groups too, so another system on the same broker never takes its events
        Map<String, String> common = with(extra, "erratum.group-suffix", databaseSuffix);
        String pages = "http://" + binding.urlHost() + ":" + ports.content();
        String feedback = "http://" + binding.urlHost() + ":" + ports.feedback();
        String console = "http://" + binding.urlHost() + ":" + ports.review();
        // the staff pages link to each other ("Correct this article", back to the item, the insight pages): on
        // ports other than the defaults, and in the system tests, those links must follow the ports too
        started.add(start("content-service", "erratum-content" + databaseSuffix, binding, ports.content(),
                infrastructure, jars, logs, with(with(with(common, "erratum.content.feedback-base-url", feedback),
                        "erratum.content.console-base-url", console),
                        "erratum.content.insight-base-url", feedback), jvmOptions));
        started.add(start("feedback-service", "erratum-feedback" + databaseSuffix, binding, ports.feedback(),
                infrastructure, jars, logs, with(with(with(with(common, "erratum.feedback.article-page-base-url", pages),
                        "erratum.feedback.allowed-origins", pages),
                        "erratum.feedback.readouts.editor-base-url", pages),
                        "erratum.feedback.mail.public-base-url", feedback), jvmOptions));
        started.add(start("review-service", "erratum-review" + databaseSuffix, binding, ports.review(),
                infrastructure, jars, logs, with(with(common, "erratum.review.console.editor-base-url", pages),
                        "erratum.review.reminders.console-base-url", console),
                jvmOptions));
        ErratumServices services = new ErratumServices(started);
        try {
            started.forEach(service -> service.awaitReady(READY_TIMEOUT));
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        return services;
    }

    private static ServiceProcess start(String name, String database, Binding binding, int port,
            Infrastructure infrastructure, Path jars, Path logs, Map<String, String> properties,
            List<String> jvmOptions) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        all.put("spring.mongodb.uri", infrastructure.mongoServer() + "/" + database);
        all.put("erratum.mongo.embedded-store", String.valueOf(infrastructure.embeddedStore()));
        return ServiceProcess.start(name, jars.resolve(name + ".jar"), binding, port, all, logs, jvmOptions);
    }

    private static Map<String, String> with(Map<String, String> properties, String key, String value) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.putIfAbsent(key, value);
        return all;
    }

    public ServiceProcess content() {
        return services.get(0);
    }

    public ServiceProcess feedback() {
        return services.get(1);
    }

    public ServiceProcess review() {
        return services.get(2);
    }

    @Override
    public void close() {
        services.parallelStream().forEach(ServiceProcess::stop);
    }

    /**
     * Where the broker and the store answer.
     *
     * @param kafkaBootstrapServers host:port of the Kafka broker
     * @param mongoServer           {@code mongodb://host:port}, without a database name
     * @param embeddedStore         whether that is the embedded Mongo-wire store, which gets indexes of its own
     *                              (the platform's {@code EmbeddedStoreIndexes})
     */
    public record Infrastructure(String kafkaBootstrapServers, String mongoServer, boolean embeddedStore) {
    }

    public record Ports(int content, int feedback, int review) {

        public static final Ports DEFAULT = new Ports(8081, 8082, 8083);
    }
}
