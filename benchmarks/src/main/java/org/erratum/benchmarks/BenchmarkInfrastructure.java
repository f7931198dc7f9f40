package org.erratum.benchmarks;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.erratum.events.ArticleChanged;
import org.erratum.events.CloudEventHeaders;
import org.erratum.events.EventType;
import org.erratum.infrastructure.Binding;
import org.erratum.infrastructure.Directories;
import org.erratum.infrastructure.KafkaBrokerProcess;
import org.erratum.infrastructure.MongoWireStore;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's store in this JVM and Kafka's own broker in a JVM of its own, both apart from the service's: their
 * garbage collection and threads then do not run inside the measured service's process, only on the same cores, and
 * each process's CPU can be read on its own. Publishes the article the benchmark sends feedback about, prints
 * {@code INFRASTRUCTURE READY <kafka bootstrap servers> <mongo uri> <broker pid>} and runs until killed (its
 * shutdown stops the broker).
 *
 * <p>Arguments: article id, broker directory (emptied first), store ({@code memory} for mongo-java-server's memory
 * backend, as the tests use, or a file for the local run's {@link MongoWireStore}, deleted first), then any options
 * for the broker's JVM.
 */
public final class BenchmarkInfrastructure {

    private static final String DATABASE = "erratum-feedback-bench";

    private BenchmarkInfrastructure() {
    }

    public static void main(String[] args) throws Exception {
        // logback unconfigured logs every client's DEBUG lines
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path brokerDirectory = Path.of(args[1]);
        Directories.deleteRecursively(brokerDirectory);
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(brokerDirectory, brokerDirectory.resolve("broker.log"),
                Binding.LOOPBACK, Binding.freePort(), Binding.freePort(), Arrays.asList(args).subList(3, args.length));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "broker-shutdown"));
        String store = startStore(args[2]);
        publish(broker.bootstrapServers(), article(args[0]));
        long brokerPid = ProcessHandle.current().children().filter(ProcessHandle::isAlive).findFirst()
                .orElseThrow().pid();
        System.out.println("INFRASTRUCTURE READY " + broker.bootstrapServers() + " " + store + "/" + DATABASE + " "
                + brokerPid);
        new CountDownLatch(1).await();
    }

    /** @return {@code mongodb://host:port} */
    private static String startStore(String store) throws Exception {
        if (store.equals("memory")) {
            MongoServer server = new MongoServer(new MemoryBackend());
            server.bind(new InetSocketAddress(Binding.LOOPBACK.address(), 0));
            return "mongodb://" + Binding.LOOPBACK.clientHost() + ":" + server.getLocalAddress().getPort();
        }
        Files.deleteIfExists(Path.of(store));
        return MongoWireStore.start(Path.of(store), Binding.LOOPBACK, 0).uri();
    }

    /** As content-service publishes it: JSON body, article id key, CloudEvents headers. */
    private static void publish(String bootstrapServers, ArticleChanged article) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>(EventType.of(article).topic(), article.articleId(),
                    JsonMapper.builder().build().writeValueAsString(article));
            CloudEventHeaders.of(article, "/erratum/benchmarks").forEach((name, value) ->
                    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
    }

    private static ArticleChanged article(String articleId) {
        Instant now = Instant.now();
        return new ArticleChanged(UUID.randomUUID(), now, articleId, 1, ArticleChanged.Change.CREATED,
                "benchmark-article", "Benchmark article", "An article to send feedback about.",
                List.of(new ArticleChanged.Section("Only section", "Some text a reader could quote.")), List.of(),
                List.of("Benchmark"), 1,
                new ArticleChanged.RevisionNote(1, "First published", ArticleChanged.Significance.MAJOR, now), null,
                now, now, null, LocalDate.now().plusYears(2), 24);
    }
}
