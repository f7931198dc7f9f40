package org.erratum.benchmarks;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.LoggerFactory;

/**
 * One endpoint's open-model capacity: the highest constant offered rate it answers with no errors and a p99 latency
 * within the limit, and keeps up with: the outbox entries it accepted ({@link Backlog}) must be published within
 * {@code backlog-limit} seconds of the last answer, so a rate that is only answered quickly because a queue behind it
 * grows does not pass. How long the service's own consumers (the vote tallies) took to catch up is reported beside
 * it, not judged: that is downstream work, whose throughput the vote-handling benchmark measures.
 * First a step at a fixed rate (the latency a planner quotes at a given load), which counts for the search if it
 * passes; then a coarse ladder up from {@code start} by {@code step} until a step fails (or {@code max} passes); then
 * bisection between the highest passing and lowest failing rate until they are at most {@code fine} apart. Every step
 * has unmeasured warm-up seconds at its own rate first. A failing ladder step is taken once more and fails only if
 * it fails again: on a shared machine one stall of another process's making would otherwise cap the search.
 * <p>
 * Before each step the feedback documents earlier steps stored are deleted, and the processes are let go idle: each
 * step then starts from the same small store and no backlog, whatever ran before it (the growth benchmark measures
 * how cost grows with stored data).
 *
 * <p>Arguments, each {@code name=value}: {@code url}, {@code body} (a file), {@code processes} (the processes
 * whose CPU time is read, {@code name:pid,...}), {@code clock-ticks} ({@code getconf CLK_TCK}), {@code connections},
 * {@code rate} and {@code rate-seconds} (the fixed-rate step), {@code start}, {@code step}, {@code max}, {@code fine}
 * (the ladder), {@code warm-up} and {@code seconds} (per step), {@code p99-limit-ms}, {@code backlog-limit} and
 * {@code drain-limit} (seconds: the most publishing a step's outbox may take, and the most that is waited for it and
 * for the consumers),
 * {@code store} (a MongoDB URI with the database), {@code empty} (its collections to empty before each step),
 * {@code outboxes} (its outbox collections) and {@code kafka} (bootstrap servers).
 * <p>Prints a line per step, {@code fixed|step rate=… sent=… accepted=… errors=… p50_ms=… p99_ms=…
 * max_ms=… late_p99_ms=… outbox=… outbox_drain_s=… lag=… lag_drain_s=… <process>_us=… pass=yes|no,<reasons>}
 * ({@code again} for a failed step's second try), then
 * {@code capacity bound=… failed=…} (what failed the lowest failing step, and its rate; or {@code bound=ceiling} if
 * even {@code max} passed) and the highest passing step's fields ({@code rate=0} if none passed).
 */
public final class CapacityLadder {

    /** Before a step, the backlog an earlier one (or a saturation run) left may take this long to drain. */
    private static final int IDLE_WAIT_SECONDS = 180;

    private final Map<String, String> settings;
    private final OpenLoadGenerator generator;
    private final ProcessCpu cpu;
    private final MongoDatabase store;
    private final List<String> emptied;
    private final Backlog backlog;
    private Step highestPassed;
    private Step lowestFailed;

    private CapacityLadder(Map<String, String> settings, MongoDatabase store, Backlog backlog) throws Exception {
        this.settings = settings;
        this.store = store;
        this.backlog = backlog;
        this.cpu = new ProcessCpu(settings.get("processes"), number("clock-ticks"));
        this.generator = new OpenLoadGenerator(URI.create(setting("url")),
                Files.readAllBytes(Path.of(setting("body"))), number("connections"), cpu);
        this.emptied = List.of(settings.getOrDefault("empty", "").split(","));
    }

    public static void main(String[] args) throws Exception {
        // logback unconfigured logs every client's DEBUG lines
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Map<String, String> settings = new HashMap<>();
        for (String arg : args) {
            settings.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        try (MongoClient client = MongoClients.create(settings.get("store"))) {
            MongoDatabase store = client.getDatabase(URI.create(settings.get("store")).getPath().substring(1));
            try (Backlog backlog = new Backlog(settings.get("kafka"), store,
                    List.of(settings.get("outboxes").split(",")))) {
                new CapacityLadder(settings, store, backlog).run();
            }
        }
    }

    private void run() throws Exception {
        Step fixed = step("fixed", number("rate"), number("rate-seconds"));
        if (pass(fixed)) { // a failure here is not confirmed, so it bounds nothing
            highestPassed = fixed;
        }
        for (int rate = number("start"); rate <= number("max") && lowestFailed == null; rate += number("step")) {
            if (highestPassed == null || rate > highestPassed.rate()) {
                take(rate);
            }
        }
        while (lowestFailed != null
                && lowestFailed.rate() - (highestPassed == null ? 0 : highestPassed.rate()) > number("fine")) {
            take(((highestPassed == null ? 0 : highestPassed.rate()) + lowestFailed.rate()) / 2);
        }
        System.out.println("capacity bound=" + (lowestFailed == null ? "ceiling"
                : verdict(lowestFailed).substring(3) + " failed=" + lowestFailed.rate())
                + " " + (highestPassed == null ? "rate=0" : fields(highestPassed)));
    }

    private void take(int rate) throws Exception {
        Step step = step("step", rate, number("seconds"));
        if (!pass(step)) {
            step = step("again", rate, number("seconds"));
        }
        if (pass(step)) {
            highestPassed = step;
        } else {
            lowestFailed = step;
        }
    }

    private Step step(String kind, int rate, int seconds) throws Exception {
        if (backlog.awaitOutbox(IDLE_WAIT_SECONDS) >= IDLE_WAIT_SECONDS
                || backlog.awaitLag(IDLE_WAIT_SECONDS) >= IDLE_WAIT_SECONDS) {
            System.err.println("the backlog was not worked off in " + IDLE_WAIT_SECONDS + " s; stepping on");
        }
        for (String collection : emptied) {
            if (!collection.isBlank()) {
                store.getCollection(collection).deleteMany(new Document());
            }
        }
        if (!cpu.awaitIdle(IDLE_WAIT_SECONDS)) {
            System.err.println("the processes did not go idle in " + IDLE_WAIT_SECONDS + " s; stepping on");
        }
        OpenLoadGenerator.Step answers = generator.offer(rate, number("warm-up"), seconds);
        // both from the last answer; the consumers read what the relay published, so they finish after it
        long outbox = backlog.outbox();
        long lag = backlog.lag();
        double limit = number("drain-limit");
        double outboxDrain = outbox == 0 ? 0 : backlog.awaitOutbox(limit);
        double lagDrain = Math.min(limit, outboxDrain + backlog.awaitLag(Math.max(0, limit - outboxDrain)));
        Step step = new Step(answers, outbox, outboxDrain, lag, lag == 0 ? 0 : lagDrain);
        System.out.println(kind + " " + fields(step) + " pass=" + verdict(step));
        return step;
    }

    /**
     * @param outbox             outbox entries pending when the last request was answered
     * @param outboxDrainSeconds how long until they were published (the drain limit if they were not)
     * @param lag                records the service's consumers had yet to handle then
     * @param lagDrainSeconds    how long until they had (the drain limit if they had not)
     */
    private record Step(OpenLoadGenerator.Step answers, long outbox, double outboxDrainSeconds, long lag,
            double lagDrainSeconds) {

        int rate() {
            return answers.rate();
        }
    }

    private boolean pass(Step step) {
        return verdict(step).equals("yes");
    }

    /** {@code yes}, or {@code no} and every reason. */
    private String verdict(Step step) {
        List<String> reasons = new ArrayList<>();
        OpenLoadGenerator.Step answers = step.answers();
        if (answers.errors() > 0 || answers.accepted() < answers.sent()) {
            reasons.add("errors");
        }
        if (!(answers.p99Millis() <= number("p99-limit-ms"))) {
            reasons.add("p99");
        }
        if (step.outboxDrainSeconds() > Double.parseDouble(setting("backlog-limit"))) {
            reasons.add("outbox");
        }
        return reasons.isEmpty() ? "yes" : "no," + String.join(",", reasons);
    }

    private String fields(Step step) {
        OpenLoadGenerator.Step answers = step.answers();
        StringBuilder fields = new StringBuilder(String.format(Locale.ROOT,
                "rate=%d sent=%d accepted=%d errors=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.1f late_p99_ms=%.2f"
                        + " outbox=%d outbox_drain_s=%.1f lag=%d lag_drain_s=%.1f", answers.rate(), answers.sent(),
                answers.accepted(), answers.errors(), answers.p50Millis(), answers.p99Millis(), answers.maxMillis(),
                answers.lateP99Millis(), step.outbox(), step.outboxDrainSeconds(), step.lag(),
                step.lagDrainSeconds()));
        for (int p = 0; p < cpu.names().size(); p++) {
            fields.append(String.format(Locale.ROOT, " %s_us=%.1f", cpu.names().get(p), answers.cpuMicros()[p]));
        }
        return fields.toString();
    }

    private String setting(String name) {
        String value = settings.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing argument " + name + "=…");
        }
        return value;
    }

    private int number(String name) {
        return Integer.parseInt(setting(name));
    }
}
