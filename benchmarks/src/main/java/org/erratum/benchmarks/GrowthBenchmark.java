package org.erratum.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.erratum.events.ReportSubmitted;
import org.erratum.events.Topics;
import org.erratum.events.VoteCast;
import org.erratum.infrastructure.Binding;
import org.erratum.infrastructure.Directories;
import org.erratum.infrastructure.JavaCommand;
import org.erratum.infrastructure.KafkaBrokerProcess;
import org.erratum.infrastructure.Polling;
import org.erratum.local.ErratumServices;
import org.erratum.testsupport.TestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the running system's costs grow with a publisher's history (issue 14). Starts what the local run starts, on
 * free ports with data in a temporary directory: the Mongo-wire store (one file, its own JVM), one Kafka broker and
 * the three services' jars, each service with {@code -Xmx256m} and its heap read from {@code /actuator/prometheus}
 * once a second. Publishes the articles through content's editor API, one report on each (so as many review items
 * are open), then grows the history through feedback intake to each size of stored votes (a tenth of them
 * replaced by the same reader's second vote, and a report for every ten votes, a fifth of them on one viral
 * article), and at each size times every reader and staff operation, one request at a time. Last, it writes a
 * backlog of vote and report events straight onto the topics and times review-service's drain of it from its
 * consumer group's committed offsets, then checks nothing was counted twice.
 *
 * <p>Arguments: sizes (comma-separated stored votes), articles that get the votes, articles in all (one open item
 * each), backlog events, samples per operation, service JVM options (space-separated, may be empty).
 */
public final class GrowthBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern HEAP = Pattern.compile(
            "^jvm_memory_(used|committed)_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+]+)", Pattern.MULTILINE);
    private static final String REVIEW_GROUP = "review-service";
    private static final String FEEDBACK_GROUP = "feedback-service";
    private static final int VOTES_PER_READER = 5;
    private static final Duration PER_OPERATION = Duration.ofSeconds(15);
    private static final Duration CATCH_UP = Duration.ofMinutes(30);

    private final long[] sizes;
    private final int voted;
    private final int articles;
    private final int backlog;
    private final int samples;
    private final Random random = new Random(14);
    private final Map<String, long[]> heaps = new ConcurrentHashMap<>();
    private final Map<String, List<double[]>> timings = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private GrowthTraffic traffic;
    private ErratumServices services;
    private ConsumerLag kafka;
    private TestClient console;
    private long votesStored;
    private long votesPosted;
    private long reportsStored;
    private long probes;
    private volatile String storeUri;

    private GrowthBenchmark(long[] sizes, int voted, int articles, int backlog, int samples) {
        this.sizes = sizes;
        this.voted = voted;
        this.articles = articles;
        this.backlog = backlog;
        this.samples = samples;
    }

    public static void main(String[] args) throws IOException {
        long[] sizes = Arrays.stream(args[0].split(",")).mapToLong(Long::parseLong).toArray();
        List<String> jvmOptions = args.length > 5 && !args[5].isBlank() ? List.of(args[5].trim().split("\\s+"))
                : List.of();
        Path data = Files.createTempDirectory("erratum-growth-");
        GrowthBenchmark benchmark = new GrowthBenchmark(sizes, Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        int status = 1;
        try {
            benchmark.run(data, jvmOptions);
            status = 0;
        } catch (RuntimeException e) {
            e.printStackTrace(); // System.exit below would otherwise end the JVM before it is printed
        } finally {
            System.out.println("data and logs: " + data);
            System.exit(status);
        }
    }

    private void run(Path data, List<String> jvmOptions) throws IOException {
        Instant began = Instant.now();
        Path storeFile = data.resolve("mongo.mv");
        Process store = startStore(storeFile, data.resolve("logs"));
        List<AutoCloseable> running = new ArrayList<>(List.of(store::destroy));
        try {
            KafkaBrokerProcess broker = KafkaBrokerProcess.start(data.resolve("kafka"),
                    data.resolve("logs/kafka.log"), Binding.LOOPBACK, Binding.freePort(), Binding.freePort(),
                    List.of());
            running.add(0, broker);
            awaitStoreUri();
            System.out.println("store " + storeUri + ", broker " + broker.bootstrapServers() + "; starting services");
            services = ErratumServices.start(new ErratumServices.Infrastructure(broker.bootstrapServers(), storeUri, true),
                    Path.of("local-system/target/services"), Binding.LOOPBACK,
                    new ErratumServices.Ports(Binding.freePort(), Binding.freePort(), Binding.freePort()), "",
                    data.resolve("logs"), Map.of(
                            // one client (this program) sends every reader's feedback
                            "erratum.feedback.intake.rate-limits.votes.capacity", "1000000000",
                            "erratum.feedback.intake.rate-limits.reports.capacity", "1000000000"),
                    jvmOptions);
            running.add(0, services);
            kafka = new ConsumerLag(broker.bootstrapServers());
            running.add(0, kafka);
            traffic = new GrowthTraffic(services.content().baseUrl(), services.feedback().baseUrl(),
                    services.review().baseUrl());
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            running.add(0, sampler::shutdownNow);
            sampler.scheduleAtFixedRate(this::sampleHeaps, 0, 1, TimeUnit.SECONDS);
            console = TestClient.at(services.review().baseUrl()).signedIn("reviewer", "reviewer-dev-password");
            grow(storeFile);
            drainBacklog();
            print(storeFile, began);
        } finally {
            for (AutoCloseable next : running) {
                try {
                    next.close();
                } catch (Exception e) {
                    System.err.println("could not stop: " + e);
                }
            }
        }
        // the logs stay for a look afterwards; the broker's and the store's data are hundreds of MB
        Directories.deleteRecursively(data.resolve("kafka"));
        Files.deleteIfExists(storeFile);
    }

    private void grow(Path storeFile) {
        long started = System.nanoTime();
        // content answers each create after its outbox write: a few editors at once keep it busy
        ExecutorService editors = Executors.newFixedThreadPool(8);
        try {
            ids.addAll(IntStream.range(0, articles)
                    .mapToObj(article -> CompletableFuture.supplyAsync(() -> traffic.publishArticle(article), editors))
                    .toList().stream().map(CompletableFuture::join).toList());
        } finally {
            editors.shutdown();
        }
        awaitConsumed(Topics.ARTICLES, articles, FEEDBACK_GROUP, REVIEW_GROUP);
        note("published %,d articles through content's API in %.0f s", articles, seconds(started));
        started = System.nanoTime();
        for (int article = 0; article < articles; article++) {
            traffic.reportLater(ids.get(article), reportsStored++);
        }
        traffic.awaitSent();
        awaitConsumed(Topics.REPORTS, reportsStored, REVIEW_GROUP);
        note("opened %,d review items (one report each) in %.0f s", articles, seconds(started));
        warmUp();
        for (long size : sizes) {
            started = System.nanoTime();
            long reportsBefore = reportsStored;
            long posted = votesPosted;
            while (votesStored < size) {
                long pair = votesStored++;
                String reader = "reader-" + pair / VOTES_PER_READER;
                String articleId = ids.get(votedArticle(pair));
                traffic.voteLater(reader, articleId, helpful(pair));
                votesPosted++;
                if (pair % 10 == 9 && pair >= 100) { // a reader changes an earlier vote: replaced, not added
                    long earlier = pair - 100;
                    traffic.voteLater("reader-" + earlier / VOTES_PER_READER, ids.get(votedArticle(earlier)),
                            !helpful(earlier));
                    votesPosted++;
                }
                if (pair % 10 == 0) {
                    long report = reportsStored++;
                    traffic.reportLater(ids.get(report % 5 == 0 ? 0 : 1 + (int) (report % (voted - 1))), report);
                }
            }
            traffic.awaitSent();
            double posting = seconds(started);
            awaitConsumed(Topics.VOTES, votesPosted + probes, REVIEW_GROUP, FEEDBACK_GROUP);
            awaitConsumed(Topics.REPORTS, reportsStored, REVIEW_GROUP);
            note("%,d votes stored: posted %,d votes and %,d reports through intake in %.0f s (%,.0f/s), all"
                            + " consumed after %.0f s; store file %,d bytes",
                    size, votesPosted - posted, reportsStored - reportsBefore, posting,
                    (votesPosted - posted + reportsStored - reportsBefore) / posting, seconds(started),
                    fileSize(storeFile));
            measure(storeFile);
        }
    }

    /** Every operation a few dozen times first, so the JIT's warm-up does not land on the smallest size. */
    private void warmUp() {
        Map<String, Supplier<Long>> operations = operations();
        operations.values().forEach(operation -> {
            for (int i = 0; i < 30; i++) {
                operation.get();
            }
        });
    }

    private void measure(Path storeFile) {
        operations().forEach((name, operation) -> {
            List<Long> nanos = new ArrayList<>();
            long deadline = System.nanoTime() + PER_OPERATION.toNanos();
            while (nanos.size() < samples && (nanos.size() < 10 || System.nanoTime() < deadline)) {
                nanos.add(operation.get());
            }
            double[] result = percentiles(nanos);
            timings.computeIfAbsent(name, n -> new ArrayList<>()).add(result);
            // as it goes, so a run stopped early still shows the sizes it measured
            System.out.printf(Locale.ROOT, "  %s: p50 %.1f ms, p99 %.1f ms (%d samples)%n", name, result[0],
                    result[1], nanos.size());
        });
        timings.computeIfAbsent("store file bytes per stored vote", n -> new ArrayList<>())
                .add(new double[] {(double) fileSize(storeFile) / votesStored, Double.NaN, 0});
    }

    /** Each returns the nanoseconds of one request, answered as expected. */
    private Map<String, Supplier<Long>> operations() {
        Map<String, Supplier<Long>> operations = new LinkedHashMap<>();
        String feedback = services.feedback().baseUrl();
        String review = services.review().baseUrl();
        operations.put("helpfulness GET (feedback)", () -> timed(traffic.get(feedback + "/api/feedback/articles/"
                + ids.get(random.nextInt(voted)) + "/revisions/1/helpfulness", null), 200));
        operations.put("least-helpful readout (feedback)", () -> timed(traffic.get(feedback
                + "/api/editorial/least-helpful", GrowthTraffic.EDITOR), 200));
        operations.put("reports readout (feedback)", () -> timed(traffic.get(feedback + "/api/editorial/reports",
                GrowthTraffic.EDITOR), 200));
        operations.put("queue JSON (review)", () -> timed(traffic.get(review + "/api/review/items",
                GrowthTraffic.REVIEWER), 200));
        operations.put("queue console page (review)", () -> {
            long start = System.nanoTime();
            TestClient.Response page = console.getText("/console");
            long took = System.nanoTime() - start;
            require(page.status() == 200, "console answered " + page.status());
            return took;
        });
        operations.put("claim-next (review)", () -> {
            long start = System.nanoTime();
            HttpResponse<String> claimed = traffic.send(traffic.claimNext(), 200);
            long took = System.nanoTime() - start;
            // back in the queue, so every claim sees as many open items
            traffic.send(traffic.release(JSON.readTree(claimed.body()).get("id").asString()), 200);
            return took;
        });
        operations.put("article page (content)", () -> timed(traffic.get(services.content().baseUrl() + "/articles/"
                + GrowthTraffic.slug(random.nextInt(voted)), null), 200));
        operations.put("vote intake (feedback)", () -> {
            probes++;
            return timed(traffic.vote("probe-" + probes, ids.get(random.nextInt(voted)), true), 202);
        });
        operations.put("report intake (feedback)", () -> {
            reportsStored++;
            return timed(traffic.report(ids.get(1 + random.nextInt(voted - 1)), reportsStored), 202);
        });
        return operations;
    }

    /**
     * Writes the backlog straight onto the topics, as feedback's relays would (new readers' votes, a tenth of them
     * replacing one of those, and a report for every nine votes), and times review-service's drain from the first
     * record sent to the group's committed offsets reaching the end of each topic.
     */
    private void drainBacklog() {
        long votesBefore = kafka.records(Topics.VOTES);
        long reportsBefore = kafka.records(Topics.REPORTS);
        int votes = 0;
        int reports = 0;
        long start = System.nanoTime();
        List<VoteCast> sent = new ArrayList<>();
        for (int i = 0; i < backlog; i++) {
            Instant now = Instant.now();
            String articleId = ids.get(1 + i % (voted - 1));
            if (i % 10 == 9) {
                kafka.produce(new ReportSubmitted(UUID.randomUUID(), now, articleId, 1,
                        ReportSubmitted.Category.OUT_OF_DATE, "Some text a reader could quote.",
                        "The guidance on this changed last year, see backlog report " + i + ".", false),
                        "/erratum/feedback-service");
                reports++;
                reportsStored++;
            } else if (i % 10 == 8) {
                VoteCast earlier = sent.get(random.nextInt(sent.size()));
                kafka.produce(new VoteCast(UUID.randomUUID(), now, earlier.articleId(), 1, !earlier.helpful(),
                        earlier.helpful() ? VoteCast.NotHelpfulReason.CONFUSING : null, earlier.readerKey()),
                        "/erratum/feedback-service");
                votes++;
            } else {
                boolean helpful = random.nextInt(4) != 0;
                VoteCast vote = new VoteCast(UUID.randomUUID(), now, articleId, 1, helpful,
                        helpful ? null : VoteCast.NotHelpfulReason.CONFUSING, "backlog-reader-" + i);
                kafka.produce(vote, "/erratum/feedback-service");
                sent.add(vote);
                votes++;
                votesStored++;
            }
        }
        kafka.flush();
        double produced = seconds(start);
        long maxLag = 0;
        double votesDrained = Double.NaN;
        double reportsDrained = Double.NaN;
        while (Double.isNaN(votesDrained) || Double.isNaN(reportsDrained)) {
            long voteLag = kafka.lag(REVIEW_GROUP, Topics.VOTES);
            long reportLag = kafka.lag(REVIEW_GROUP, Topics.REPORTS);
            maxLag = Math.max(maxLag, voteLag + reportLag);
            if (Double.isNaN(votesDrained) && voteLag == 0) {
                votesDrained = seconds(start);
            }
            if (Double.isNaN(reportsDrained) && reportLag == 0) {
                reportsDrained = seconds(start);
            }
            require(seconds(start) < CATCH_UP.toSeconds(), "review-service did not drain the backlog in " + CATCH_UP);
            sleep(100);
        }
        double all = Math.max(votesDrained, reportsDrained);
        note("backlog of %,d events (%,d votes, %,d reports) written in %.1f s; most seen waiting %,d; drained in"
                        + " %.1f s: %,.0f events/s (target >= 5,000); votes %,.0f/s (%.1f s), reports %,.0f/s (%.1f s)",
                backlog, votes, reports, produced, maxLag, all, backlog / all, votes / votesDrained, votesDrained,
                reports / reportsDrained, reportsDrained);
        // feedback's relays may still publish (at least once) meanwhile: said, not required
        note("records added meanwhile: feedback.votes %,d for %,d produced, feedback.reports %,d for %,d",
                kafka.records(Topics.VOTES) - votesBefore, votes, kafka.records(Topics.REPORTS) - reportsBefore,
                reports);
        checkNothingCountedTwice();
    }

    /** Review's site-wide tally counts each reader's vote on a revision once; its items count each report once. */
    private void checkNothingCountedTwice() {
        long tallied;
        long counted = 0;
        try (MongoClient client = MongoClients.create(storeUri)) {
            Document site = client.getDatabase("erratum-review").getCollection("site_tallies")
                    .find(new Document("_id", "all")).first();
            tallied = site == null ? 0 : number(site.get("yes")) + number(site.get("no"));
            // from the store, as the queue API answers a page at a time
            for (Document item : client.getDatabase("erratum-review").getCollection("review_items")
                    .find().projection(new Document("reportCount", 1))) {
                counted += number(item.get("reportCount"));
            }
        }
        long expectedVotes = votesStored + probes;
        note("duplicates: review tallied %,d votes for %,d distinct reader votes produced (%s); its items count"
                        + " %,d reports for %,d produced (%s); feedback.votes holds %,d records for %,d votes sent",
                tallied, expectedVotes, tallied == expectedVotes ? "equal" : "DIFFERENT", counted, reportsStored,
                counted == reportsStored ? "equal" : "DIFFERENT", kafka.records(Topics.VOTES),
                votesPosted + probes + backlogVotes());
    }

    private long backlogVotes() {
        return backlog - backlog / 10;
    }

    private Process startStore(Path file, Path logs) throws IOException {
        Files.createDirectories(logs);
        // the store keeps its documents long-lived: a small young generation that promotes at once (as run.sh's
        // store) keeps its pauses short; its heap is not capped beyond the default, so the benchmark shows its need
        Process store = new ProcessBuilder(JavaCommand.of(List.of("-Xmn64m", "-XX:MaxTenuringThreshold=0"),
                GrowthStore.class.getName(), List.of(file.toString()))).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(store.getInputStream()))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("HEAP ")) {
                        String[] parts = line.split(" ");
                        record("store", "used", (long) Double.parseDouble(parts[1]));
                        record("store", "committed", (long) Double.parseDouble(parts[2]));
                    } else if (line.startsWith("STORE READY ")) {
                        storeUri = line.substring("STORE READY ".length());
                    } else {
                        Files.writeString(logs.resolve("store.log"), line + "\n",
                                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                    }
                }
            } catch (IOException ended) {
                // the store stopped
            }
        }, "store-output");
        reader.setDaemon(true);
        reader.start();
        return store;
    }

    private void awaitStoreUri() {
        require(Polling.until(Duration.ofMinutes(2), () -> storeUri != null), "the store did not start");
    }

    private void sampleHeaps() {
        for (var service : List.of(services.content(), services.feedback(), services.review())) {
            CompletableFuture.runAsync(() -> {
                try {
                    String metrics = traffic.send(traffic.get(service.baseUrl() + "/actuator/prometheus", null), 200)
                            .body();
                    long used = 0;
                    long committed = 0;
                    Matcher heap = HEAP.matcher(metrics);
                    while (heap.find()) {
                        long bytes = (long) Double.parseDouble(heap.group(2));
                        if (heap.group(1).equals("used")) {
                            used += bytes;
                        } else {
                            committed += bytes;
                        }
                    }
                    record(service.name(), "used", used);
                    record(service.name(), "committed", committed);
                } catch (RuntimeException missed) {
                    // a sample missed under load; the next second's counts
                }
            });
        }
    }

    private void record(String process, String kind, long bytes) {
        long[] max = heaps.computeIfAbsent(process, p -> new long[2]);
        synchronized (max) {
            int slot = kind.equals("used") ? 0 : 1;
            max[slot] = Math.max(max[slot], bytes);
        }
    }

    /** Waits until the topic holds the records and every group has committed all of them. */
    private void awaitConsumed(String topic, long records, String... groups) {
        long start = System.nanoTime();
        while (kafka.records(topic) < records
                || Arrays.stream(groups).anyMatch(group -> kafka.lag(group, topic) > 0)) {
            require(seconds(start) < CATCH_UP.toSeconds(), topic + " was not consumed within " + CATCH_UP);
            sleep(250);
        }
    }

    private void print(Path storeFile, Instant began) {
        System.out.println();
        notes.forEach(System.out::println);
        System.out.println();
        StringBuilder header = new StringBuilder("| operation |");
        StringBuilder rule = new StringBuilder("|---|");
        for (long size : sizes) {
            header.append(String.format(Locale.ROOT, " %,d votes p50 / p99 ms |", size));
            rule.append("---|");
        }
        System.out.println(header + " ratio p50 | ratio p99 | samples |");
        System.out.println(rule + "---|---|---|");
        timings.forEach((name, results) -> {
            StringBuilder row = new StringBuilder("| " + name + " |");
            boolean bytes = name.startsWith("store file");
            for (double[] result : results) {
                row.append(bytes ? String.format(Locale.ROOT, " %,.0f |", result[0])
                        : String.format(Locale.ROOT, " %.1f / %.1f |", result[0], result[1]));
            }
            double[] first = results.get(0);
            double[] last = results.get(results.size() - 1);
            row.append(String.format(Locale.ROOT, " %.2f | %s | %s |", last[0] / first[0],
                    bytes ? "" : String.format(Locale.ROOT, "%.2f", last[1] / first[1]),
                    bytes ? "" : Arrays.toString(results.stream().mapToLong(r -> (long) r[2]).toArray())));
            System.out.println(row);
        });
        System.out.println();
        System.out.println("| process | max heap used MiB | max heap committed MiB |");
        System.out.println("|---|---|---|");
        heaps.forEach((process, max) -> System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f |%n", process,
                max[0] / 1048576.0, max[1] / 1048576.0));
        System.out.printf(Locale.ROOT, "%nstore file %,d bytes for %,d stored votes and %,d reports; run took %.1f"
                        + " min; java %s%n", fileSize(storeFile), votesStored + probes, reportsStored,
                Duration.between(began, Instant.now()).toSeconds() / 60.0, System.getProperty("java.version"));
    }

    private long timed(HttpRequest request, int expected) {
        long start = System.nanoTime();
        traffic.send(request, expected);
        return System.nanoTime() - start;
    }

    /** p50 and p99 in ms, and the number of samples. */
    private static double[] percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {sorted[(int) Math.ceil(0.50 * sorted.length) - 1] / 1e6,
            sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6, sorted.length};
    }

    private int votedArticle(long pair) {
        return (int) ((pair / VOTES_PER_READER * 7 + pair % VOTES_PER_READER * 199) % voted);
    }

    /** Most articles are found helpful; every tenth is not, so the least-helpful readout has something to rank. */
    private boolean helpful(long pair) {
        return new Random(pair).nextInt(100) < (votedArticle(pair) % 10 == 0 ? 30 : 80);
    }

    private void note(String format, Object... values) {
        String line = String.format(Locale.ROOT, format, values);
        notes.add(line);
        System.out.println(line);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException(what);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
