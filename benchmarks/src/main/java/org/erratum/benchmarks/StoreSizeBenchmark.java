package org.erratum.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.erratum.infrastructure.Binding;
import org.erratum.infrastructure.Directories;
import org.erratum.infrastructure.MongoWireStore;

/**
 * Bytes on disk per stored vote in the local run's store ({@link MongoWireStore}, the file {@code mongo.mv}), and
 * what a vote's writes cost there. Each vote makes the writes the services make for a reader's first vote, one
 * command at a time as under light load (every command then commits a chunk of its own): feedback-service stores the
 * vote, the relay marks it published, the tallies record the reader's state and step the revision's and the day's
 * counts; review-service records its latest vote and steps the revision's and the site-wide counts. The documents
 * have the services' fields and the collections their indexes.
 *
 * <p>Arguments: the store sizes to report at, in votes, comma-separated (ascending). Prints one table row per
 * size, then the file's size after the store is closed and opened again (opening rewrites it with its live data
 * only: what the documents and indexes themselves take), and what each collection holds.
 */
public final class StoreSizeBenchmark {

    private static final int ARTICLES = 1_000;
    private static final int DAYS = 90;
    private static final Instant FIRST_DAY = LocalDate.of(2026, 9, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    /** How often (in votes) the file's size is looked at while votes are written. */
    private static final int SAMPLE_EVERY = 100;

    /** How long the store is left without writes after the last size, in seconds. */
    private static final int IDLE_SECONDS = Integer.getInteger("idleSeconds", 30);
    private static final String[] REASONS = {"OUTDATED", "UNCLEAR", "INCORRECT", "MISSING_INFORMATION"};

    private final Random random = new Random(14);
    private final HexFormat hex = HexFormat.of();
    private long offset;

    private StoreSizeBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int[] sizes = Arrays.stream(args[0].split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        Path directory = Files.createTempDirectory("store-size");
        Path file = directory.resolve("mongo.mv");
        try {
            new StoreSizeBenchmark().run(file, sizes);
        } finally {
            Directories.deleteRecursively(directory);
        }
    }

    private void run(Path file, int[] sizes) throws IOException {
        System.out.println("| votes stored | file MB | bytes per vote | largest file while running, MB (bytes per "
                + "vote) | median µs per vote | p99 µs per vote |");
        System.out.println("|---|---|---|---|---|---|");
        int stored = 0;
        try (MongoWireStore store = MongoWireStore.start(file, Binding.LOOPBACK, 0);
                MongoClient client = MongoClients.create(store.uri())) {
            Collections collections = new Collections(client);
            long largest = 0;
            int largestAt = 1;
            for (int size : sizes) {
                long[] micros = new long[size - stored];
                for (int i = 0; i < micros.length; i++) {
                    long start = System.nanoTime();
                    vote(collections);
                    micros[i] = (System.nanoTime() - start) / 1_000;
                    if (i % SAMPLE_EVERY == 0 && Files.size(file) > largest) {
                        // the file grows between compactions: its largest size counts, not its last
                        largest = Files.size(file);
                        largestAt = stored + i + 1;
                    }
                }
                stored = size;
                Arrays.sort(micros);
                long bytes = Files.size(file);
                System.out.printf("| %,d | %.1f | %,d | %.1f (%,d) | %,d | %,d |%n", size, bytes / 1e6, bytes / size,
                        largest / 1e6, largest / largestAt, micros[micros.length / 2],
                        micros[(int) (micros.length * 0.99)]);
            }
            // the local run writes in bursts: what the store's own compaction makes of the file between them
            for (int second = 1; second <= IDLE_SECONDS; second++) {
                sleepOneSecond();
                if (second % 10 == 0 || second == IDLE_SECONDS) {
                    long bytes = Files.size(file);
                    System.out.printf("after %d s without writes: file %.1f MB (%,d bytes per vote)%n", second,
                            bytes / 1e6, bytes / stored);
                }
            }
        }
        long closed = Files.size(file);
        long opening = System.nanoTime(); // the start-up rewrite is most of it
        try (MongoWireStore reopened = MongoWireStore.start(file, Binding.LOOPBACK, 0);
                MongoClient client = MongoClients.create(reopened.uri())) {
            double seconds = (System.nanoTime() - opening) / 1e9;
            long votes = client.getDatabase("erratum-feedback").getCollection("votes").countDocuments();
            long latest = client.getDatabase("erratum-review").getCollection("latest_votes").countDocuments();
            long opened = Files.size(file);
            System.out.printf("after a restart (opened in %.1f s): %,d votes and %,d latest votes read back; file "
                    + "%.1f MB when closed (%,d bytes per vote), %.1f MB once opened again (%,d bytes per vote)%n",
                    seconds, votes, latest, closed / 1e6, closed / stored, opened / 1e6,
                    opened / stored);
            printCollections(client, stored);
        }
    }

    /** What a vote leaves in each collection: documents, and their bytes as BSON (the store's own count). */
    private static void printCollections(MongoClient client, int stored) {
        System.out.println();
        System.out.println("| collection | documents | BSON bytes | BSON bytes per vote | indexes (only `_id` and unique ones hold entries) |");
        System.out.println("|---|---|---|---|---|");
        for (String name : List.of("erratum-feedback", "erratum-review")) {
            MongoDatabase database = client.getDatabase(name);
            for (String collection : database.listCollectionNames()) {
                Document stats = database.runCommand(new Document("collStats", collection));
                long size = stats.get("size", Number.class).longValue();
                System.out.printf("| %s.%s | %,d | %,d | %,d | %d |%n", name, collection,
                        stats.get("count", Number.class).longValue(), size, size / stored,
                        stats.get("nindexes", Number.class).intValue());
            }
        }
    }

    private static void sleepOneSecond() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new reader's first vote on one of the articles, on one of the days. */
    private void vote(Collections c) {
        String articleId = "article-" + random.nextInt(ARTICLES);
        int revision = 1 + random.nextInt(3);
        byte[] reader = new byte[32];
        random.nextBytes(reader);
        String readerKey = hex.formatHex(reader);
        boolean helpful = random.nextInt(4) > 0;
        String reason = helpful ? null : REASONS[random.nextInt(REASONS.length)];
        String eventId = UUID.randomUUID().toString();
        Instant at = FIRST_DAY.plus(random.nextInt(DAYS * 24 * 60), ChronoUnit.MINUTES)
                .plusMillis(random.nextInt(60_000));
        String day = LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
        String id = articleId + ":" + revision + ":" + readerKey;
        String answer = helpful ? "yes" : "no";
        int partition = Math.floorMod(articleId.hashCode(), 3);
        long position = ++offset;

        // feedback-service: intake stores the vote (an upsert: a reader's new vote replaces the earlier one) ...
        Document vote = new Document("_id", id).append("articleId", articleId).append("revision", revision)
                .append("readerKey", readerKey).append("helpful", helpful).append("reason", reason)
                .append("eventId", eventId).append("acceptedAt", Date.from(at)).append("spam", false)
                .append("spamReasons", List.of()).append("published", false)
                .append("traceparent", "00-" + hex.formatHex(reader, 0, 16) + "-" + hex.formatHex(reader, 16, 24)
                        + "-01")
                .append("_class", "org.erratum.feedback.vote.Vote");
        c.votes.replaceOne(Filters.eq("_id", id), vote, new ReplaceOptions().upsert(true));
        // ... the relay marks it published on Kafka's acknowledgement ...
        c.votes.updateOne(new Document("_id", id).append("eventId", eventId), Updates.combine(
                Updates.set("published", true), Updates.set("publishedAt", new Date())));
        // ... and the tallies count it back from feedback.votes: the reader's state, then each counter
        if (c.talliedVotes.find(Filters.eq("_id", id)).first() == null) {
            c.talliedVotes.insertOne(new Document("_id", id).append("articleId", articleId)
                    .append("revision", revision).append("eventId", eventId).append("occurredAt", Date.from(at))
                    .append("day", day).append("helpful", helpful).append("partition", partition)
                    .append("offset", position).append("reason", reason).append("reasonKnown", true)
                    .append("_class", "org.erratum.feedback.vote.TalliedVote"));
        }
        step(c.days, articleId + ":" + day, partition, position, Updates.inc("revisions." + revision + "." + answer,
                1L), Updates.setOnInsert("articleId", articleId), Updates.setOnInsert("day", day));
        step(c.revisions, articleId + ":" + revision, partition, position, reason == null
                ? Updates.inc(answer, 1L) : Updates.combine(Updates.inc(answer, 1L), Updates.inc("reasons." + reason,
                        1L)), Updates.setOnInsert("articleId", articleId), Updates.setOnInsert("revision", revision));

        // review-service: its own latest vote, then the revision's and the site-wide counts
        if (c.latestVotes.find(Filters.eq("_id", id)).first() == null) {
            c.latestVotes.insertOne(new Document("_id", id).append("articleId", articleId)
                    .append("revision", revision).append("helpful", helpful).append("occurredAt", Date.from(at))
                    .append("eventId", eventId).append("partition", partition).append("offset", position)
                    .append("_class", "org.erratum.review.helpfulness.LatestVote"));
        }
        step(c.revisionTallies, articleId + ":" + revision, partition, position, Updates.inc(answer, 1L),
                Updates.setOnInsert("articleId", articleId), Updates.setOnInsert("revision", revision));
        step(c.siteTallies, "all", partition, position, Updates.inc(answer, 1L));
    }

    /** As the platform's once-only counters step a counter: read it, then a compare-and-set on its version. */
    private static void step(MongoCollection<Document> counters, String id, int partition, long position,
            Bson... changes) {
        Document held = counters.find(Filters.eq("_id", id)).first();
        long version = held == null ? 0 : held.get("version", Number.class).longValue();
        Bson update = Updates.combine(Updates.combine(changes), Updates.inc("version", 1L),
                Updates.set("offsets." + partition, position));
        counters.updateOne(new Document("_id", id).append("version", version), update,
                new UpdateOptions().upsert(true));
    }

    /** The collections a vote is written to, with the services' indexes. */
    private static final class Collections {

        final MongoCollection<Document> votes;
        final MongoCollection<Document> talliedVotes;
        final MongoCollection<Document> days;
        final MongoCollection<Document> revisions;
        final MongoCollection<Document> latestVotes;
        final MongoCollection<Document> revisionTallies;
        final MongoCollection<Document> siteTallies;

        Collections(MongoClient client) {
            MongoDatabase feedback = client.getDatabase("erratum-feedback");
            MongoDatabase review = client.getDatabase("erratum-review");
            votes = feedback.getCollection("votes");
            votes.createIndex(Indexes.ascending("articleId", "revision"), new IndexOptions().name("tally"));
            votes.createIndex(Indexes.ascending("published", "acceptedAt"), new IndexOptions().name("pending"));
            votes.createIndex(Indexes.ascending("acceptedAt"), new IndexOptions().name("accepted"));
            talliedVotes = feedback.getCollection("tallied_votes");
            days = feedback.getCollection("helpfulness_days");
            revisions = feedback.getCollection("helpfulness_revisions");
            latestVotes = review.getCollection("latest_votes");
            latestVotes.createIndex(Indexes.ascending("articleId", "occurredAt"), new IndexOptions().name("window"));
            revisionTallies = review.getCollection("revision_tallies");
            siteTallies = review.getCollection("site_tallies");
            for (MongoCollection<Document> withEvent : List.of(votes, talliedVotes, latestVotes)) {
                withEvent.createIndex(Indexes.ascending("_id", "eventId"), new IndexOptions().name("event")
                        .unique(true));
            }
            for (MongoCollection<Document> counter : List.of(days, revisions, revisionTallies, siteTallies)) {
                counter.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().name("version")
                        .unique(true));
            }
        }
    }
}
