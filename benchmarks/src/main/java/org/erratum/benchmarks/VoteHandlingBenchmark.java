package org.erratum.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.erratum.events.VoteCast;
import org.erratum.platform.tally.OnceOnlyCounters.Step;
import org.erratum.review.ReviewApplication;
import org.erratum.review.helpfulness.HelpfulnessWatch;
import org.erratum.testsupport.Endpoints;
import org.erratum.testsupport.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * How the review service's cost per vote event grows with the votes already stored: for each store size, a fresh
 * database is filled with that many readers' votes (as a store upgraded from before the tallies holds them, so the
 * start-up backfill counts them), the service is started on it, and batches of vote events are handed to its vote
 * handler in polls of 500 records, the same call the {@code feedback.votes} consumer makes, timed per batch. Half
 * the events are new readers, half readers changing a stored vote; the articles are known and current, so every
 * event also reads its revision's and the site-wide tally and judges the score, as in production.
 *
 * <p>Arguments (all optional): store sizes (comma-separated, default {@code 10000,100000}), events per batch (2000),
 * batches per size (5). Prints one line per size and the ratio of the largest size's median to the smallest's.
 */
public final class VoteHandlingBenchmark {

    private static final int ARTICLES = 1_000;
    private static final int WARM_UP_BATCHES = 2;
    private static final long WARM_UP_STORE = 1_000;
    /** Records per poll, as the {@code feedback.votes} binding's {@code max.poll.records} bounds them. */
    private static final int POLL = 500;

    private VoteHandlingBenchmark() {
    }

    public static void main(String[] args) {
        long[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000,100000").split(","))
                .mapToLong(Long::parseLong).toArray();
        int perBatch = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Endpoints infrastructure = TestInfrastructure.endpoints();
        // a first, unmeasured round on a small store, so the JIT's warm-up does not land on the first size
        measure(infrastructure, WARM_UP_STORE, perBatch, 1);
        List<double[]> results = new ArrayList<>();
        for (long size : sizes) {
            results.add(measure(infrastructure, size, perBatch, batches));
        }
        System.out.println();
        System.out.println("| votes stored | median µs per vote event | events/s | batches (µs per event) |");
        System.out.println("|---|---|---|---|");
        for (int i = 0; i < sizes.length; i++) {
            double[] micros = results.get(i);
            double median = median(micros);
            System.out.printf(Locale.ROOT, "| %,d | %.0f | %,.0f | %s |%n", sizes[i], median, 1e6 / median,
                    Arrays.toString(Arrays.stream(micros).mapToLong(Math::round).toArray()));
        }
        System.out.printf(Locale.ROOT, "ratio largest/smallest store: %.2f%n",
                median(results.get(results.size() - 1)) / median(results.get(0)));
        System.exit(0);
    }

    /** @return µs per event of each measured batch */
    private static double[] measure(Endpoints infrastructure, long stored, int perBatch, int batches) {
        String database = "erratum-review-votes-" + stored + "-" + System.nanoTime();
        Random random = new Random(stored);
        String run = Long.toString(System.nanoTime(), 36);
        preload(infrastructure, database, run, stored, random);
        long started = System.nanoTime();
        try (ConfigurableApplicationContext review = startReview(infrastructure, database, run)) {
            System.out.printf(Locale.ROOT, "%,d votes stored: service started (backfill included) in %.1f s%n",
                    stored, (System.nanoTime() - started) / 1e9);
            HelpfulnessWatch watch = review.getBean(HelpfulnessWatch.class);
            double[] micros = new double[batches];
            long offset = 0;
            for (int batch = -WARM_UP_BATCHES; batch < batches; batch++) {
                List<VoteCast> events = events(run, stored, perBatch, random);
                List<Step<VoteCast>> steps = new ArrayList<>(events.size());
                for (VoteCast event : events) {
                    steps.add(new Step<>(event, 0, offset++));
                }
                long start = System.nanoTime();
                for (int from = 0; from < steps.size(); from += POLL) {
                    watch.recordAll(steps.subList(from, Math.min(from + POLL, steps.size())));
                }
                if (batch >= 0) {
                    micros[batch] = (System.nanoTime() - start) / 1e3 / perBatch;
                }
            }
            return micros;
        }
    }

    /** Readers' votes as stored before the tallies, and the articles they are on, at revision 1. */
    /** review-service in this JVM, on the benchmark's broker and store, in a database and consumer group of its own. */
    static ConfigurableApplicationContext startReview(Endpoints infrastructure, String database, String run) {
        return new SpringApplicationBuilder(ReviewApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + infrastructure.mongoUri(database),
                "--" + Endpoints.EMBEDDED_STORE_SETTING + "=" + infrastructure.embeddedStore(),
                "--erratum.group-suffix=-bench-" + run,
                "--logging.level.root=WARN");
    }

    private static void preload(Endpoints infrastructure, String database, String run, long stored, Random random) {
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri(database))) {
            MongoTemplate mongo = new MongoTemplate(client, database);
            List<Document> articles = new ArrayList<>();
            for (int article = 0; article < ARTICLES; article++) {
                articles.add(new Document("_id", articleId(run, article)).append("version", 1L)
                        .append("slug", "article-" + article).append("title", "Article " + article)
                        .append("revision", 1));
            }
            mongo.insert(articles, "articles");
            Date longAgo = Date.from(Instant.now().minus(Duration.ofDays(30)));
            List<Document> votes = new ArrayList<>();
            for (long reader = 0; reader < stored; reader++) {
                String articleId = articleId(run, (int) (reader % ARTICLES));
                votes.add(new Document("_id", articleId + ":1:" + readerKey(reader)).append("articleId", articleId)
                        .append("revision", 1).append("helpful", random.nextInt(4) != 0)
                        .append("occurredAt", longAgo));
                if (votes.size() == 10_000) {
                    mongo.insert(votes, "latest_votes");
                    votes.clear();
                }
            }
            if (!votes.isEmpty()) {
                mongo.insert(votes, "latest_votes");
            }
        }
    }

    /** Half new readers, half stored readers voting again (so about a quarter of the events move a count). */
    private static List<VoteCast> events(String run, long stored, int count, Random random) {
        Instant now = Instant.now();
        List<VoteCast> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean again = i % 2 == 0;
            long reader = again ? (long) (random.nextDouble() * stored) : stored + random.nextInt(Integer.MAX_VALUE);
            int article = (int) (again ? reader % ARTICLES : random.nextInt(ARTICLES));
            boolean helpful = random.nextInt(4) != 0;
            events.add(new VoteCast(UUID.randomUUID(), now, articleId(run, article), 1, helpful,
                    helpful ? null : VoteCast.NotHelpfulReason.CONFUSING, readerKey(reader)));
        }
        return events;
    }

    private static String articleId(String run, int article) {
        return "bench-" + run + "-" + article;
    }

    private static String readerKey(long reader) {
        return "reader-" + reader;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
