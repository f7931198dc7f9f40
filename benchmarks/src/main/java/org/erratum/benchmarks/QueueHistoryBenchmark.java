package org.erratum.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.erratum.platform.web.IdempotencyKey;
import org.erratum.review.queue.Claims;
import org.erratum.review.queue.ItemQueries;
import org.erratum.review.queue.ItemState;
import org.erratum.review.queue.ReviewItem;
import org.erratum.review.queue.Staff;
import org.erratum.testsupport.Endpoints;
import org.erratum.testsupport.TestInfrastructure;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How the review queue's two hot reads cost with open items and with resolved history (issue 14: "claim-next p99 ≤
 * 10 ms with 10,000 open items"; "the active queue read without touching resolved history"). For each scenario a fresh
 * database is filled with review items straight in {@code review_items}, as a store from before resolved items were
 * kept apart holds them (the start-up migration then moves the resolved ones, if the build has it), the service is
 * started on it, and claim-next (the claim, its write and its announcement, then a release that is not timed, so
 * every claim sees as many open items) and the queue's first page are called as the API calls them.
 *
 * <p>Arguments (all optional): scenarios as {@code open+resolved}, comma-separated (default
 * {@code 1000+0,10000+0,1000+20000}), samples per operation (200). Prints p50/p99 per scenario and operation.
 */
public final class QueueHistoryBenchmark {

    private static final int WARM_UP = 50;
    private static final Staff REVIEWER = new Staff("bench-reviewer", true);

    private QueueHistoryBenchmark() {
    }

    public static void main(String[] args) {
        String[] scenarios = (args.length > 0 ? args[0] : "1000+0,10000+0,1000+20000").split(",");
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Endpoints infrastructure = TestInfrastructure.endpoints();
        measure(infrastructure, 200, 200, WARM_UP); // an unmeasured round, so the JIT's warm-up lands nowhere
        List<String> rows = new ArrayList<>();
        for (String scenario : scenarios) {
            String[] counts = scenario.split("\\+");
            int open = Integer.parseInt(counts[0]);
            int resolved = Integer.parseInt(counts[1]);
            double[][] results = measure(infrastructure, open, resolved, samples);
            rows.add(String.format(Locale.ROOT, "| %,d | %,d | %.1f | %.1f | %.1f | %.1f |", open, resolved,
                    percentile(results[0], 50), percentile(results[0], 99), percentile(results[1], 50),
                    percentile(results[1], 99)));
        }
        System.out.println();
        System.out.println("| open items | resolved items | claim-next p50 ms | claim-next p99 ms "
                + "| queue first page p50 ms | queue first page p99 ms |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    /** @return ms per claim-next, then ms per first page */
    private static double[][] measure(Endpoints infrastructure, int open, int resolved, int samples) {
        String database = "erratum-review-queue-" + open + "-" + resolved + "-" + System.nanoTime();
        preload(infrastructure, database, open, resolved);
        long started = System.nanoTime();
        String run = Long.toString(System.nanoTime(), 36);
        try (ConfigurableApplicationContext review = VoteHandlingBenchmark.startReview(infrastructure, database, run)) {
            System.out.printf(Locale.ROOT, "%,d open + %,d resolved: service started (migrations included) in "
                    + "%.1f s%n", open, resolved, (System.nanoTime() - started) / 1e9);
            Claims claims = review.getBean(Claims.class);
            ItemQueries queries = review.getBean(ItemQueries.class);
            ItemQueries.Wanted queue = new ItemQueries.Wanted(ItemState.ACTIVE, null, null, null, false);
            double[] claimed = new double[samples];
            double[] paged = new double[samples];
            for (int i = -WARM_UP; i < samples; i++) {
                long start = System.nanoTime();
                ReviewItem item = claims.claimNext(REVIEWER, IdempotencyKey.random()).orElseThrow();
                long took = System.nanoTime() - start;
                claims.release(item.id(), REVIEWER, null);
                start = System.nanoTime();
                queries.list(queue, 1, 50);
                long page = System.nanoTime() - start;
                if (i >= 0) {
                    claimed[i] = took / 1e6;
                    paged[i] = page / 1e6;
                }
            }
            return new double[][] {claimed, paged};
        }
    }

    /** Items of as many articles, each with one report's counts; the resolved ones with a resolution. */
    private static void preload(Endpoints infrastructure, String database, int open, int resolved) {
        Random random = new Random(open * 31L + resolved);
        Date created = Date.from(Instant.now().minus(Duration.ofDays(3)));
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri(database))) {
            var items = client.getDatabase(database).getCollection("review_items");
            List<Document> batch = new ArrayList<>();
            for (int n = 0; n < open + resolved; n++) {
                ObjectId id = new ObjectId();
                String articleId = "bench-article-" + n;
                boolean closed = n >= open;
                Document item = new Document("_id", id).append("articleId", articleId)
                        .append("groupKey", closed ? "closed:" + id.toHexString() : articleId)
                        .append("state", closed ? "RESOLVED" : "OPEN").append("sources", List.of("READER_REPORT"))
                        .append("severity", "NORMAL").append("priority", 100 + random.nextDouble() * 50)
                        .append("escalated", false).append("reportCount", 1)
                        .append("categories", new Document("OTHER", 1)).append("createdAt", created)
                        .append("updatedAt", created).append("version", 1L).append("activityCount", 0L)
                        .append("archivedActivity", 0L).append("claims", 0)
                        .append("claimDueAt", Date.from(Instant.now().plus(Duration.ofDays(30))))
                        .append("resolveDueAt", Date.from(Instant.now().plus(Duration.ofDays(60))));
                if (closed) {
                    item.append("resolution", new Document("outcome", "NO_CHANGE_NEEDED")
                            .append("summary", "Checked").append("by", "bench-reviewer").append("at", created));
                }
                batch.add(item);
                if (batch.size() == 5_000) {
                    items.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                items.insertMany(batch);
            }
        }
    }

    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
