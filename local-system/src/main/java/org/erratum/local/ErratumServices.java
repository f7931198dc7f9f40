package org.erratum.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.erratum.testsupport.Endpoints;

/** The three services started against one broker and one store, each with its own database. */
public final class ErratumServices implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final List<ServiceProcess> services;

    private ErratumServices(List<ServiceProcess> services) {
        this.services = services;
    }

    /**
     * @param jars  folder holding content-service.jar, feedback-service.jar and review-service.jar
     * @param ports content, feedback and review ports
     * @param databaseSuffix appended to each service's database and consumer group names: empty for the local
     *                       system, unique for a test, so systems sharing one broker and store never see each
     *                       other's data or events
     * @param extra more properties for every service
     */
    public static ErratumServices start(Endpoints endpoints, Path jars, Ports ports, String databaseSuffix, Path logs,
            Map<String, String> extra) {
        List<ServiceProcess> started = new ArrayList<>();
        // its own consumer groups too, so another system on the same broker never takes its events
        Map<String, String> common = with(extra, "erratum.group-suffix", databaseSuffix);
        String pages = "http://localhost:" + ports.content();
        String feedback = "http://localhost:" + ports.feedback();
        started.add(start("content-service", "erratum-content" + databaseSuffix, ports.content(), endpoints, jars, logs,
                with(common, "erratum.content.feedback-base-url", feedback)));
        started.add(start("feedback-service", "erratum-feedback" + databaseSuffix, ports.feedback(), endpoints, jars, logs,
                with(with(common, "erratum.feedback.article-page-base-url", pages),
                        "erratum.feedback.mail.public-base-url", feedback)));
        started.add(start("review-service", "erratum-review" + databaseSuffix, ports.review(), endpoints, jars, logs,
                common));
        ErratumServices services = new ErratumServices(started);
        try {
            started.forEach(service -> service.awaitReady(READY_TIMEOUT));
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        return services;
    }

    private static ServiceProcess start(String name, String database, int port, Endpoints endpoints, Path jars,
            Path logs, Map<String, String> properties) {
        Map<String, String> all = new java.util.LinkedHashMap<>(properties);
        all.put("spring.kafka.bootstrap-servers", endpoints.kafkaBootstrapServers());
        all.put("spring.mongodb.uri", endpoints.mongoUri(database));
        return ServiceProcess.start(name, jars.resolve(name + ".jar"), port, all, logs);
    }

    private static Map<String, String> with(Map<String, String> properties, String key, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(properties);
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

    public record Ports(int content, int feedback, int review) {

        public static final Ports DEFAULT = new Ports(8081, 8082, 8083);
    }
}
