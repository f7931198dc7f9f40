package org.erratum.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The CPU time processes have used, all their threads together (live and ended), from Linux's
 * {@code /proc/<pid>/stat}: user plus system time, in clock ticks.
 */
final class ProcessCpu {

    private static final double IDLE_SHARE_OF_A_CORE = 0.05;

    private static final long IDLE_INTERVAL_MILLIS = 500;

    /** The processes' names, in the order {@link #ticks()} reports them. */
    private final List<String> names = new ArrayList<>();
    private final List<Path> stats = new ArrayList<>();
    private final int ticksPerSecond;

    /**
     * @param processes      {@code name:pid} pairs, comma-separated; this process is added as {@code generator}
     * @param ticksPerSecond the kernel's clock ticks per second ({@code getconf CLK_TCK})
     */
    ProcessCpu(String processes, int ticksPerSecond) {
        this.ticksPerSecond = ticksPerSecond;
        for (String process : processes.split(",")) {
            if (!process.isBlank()) {
                String[] nameAndPid = process.split(":");
                add(nameAndPid[0], Long.parseLong(nameAndPid[1]));
            }
        }
        add("generator", ProcessHandle.current().pid());
    }

    List<String> names() {
        return names;
    }

    /** Each process's CPU time so far, in clock ticks. */
    long[] ticks() {
        long[] ticks = new long[stats.size()];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = ticks(stats.get(i));
        }
        return ticks;
    }

    double seconds(long ticks) {
        return (double) ticks / ticksPerSecond;
    }

    /**
     * Waits until every process but this one has used under {@value #IDLE_SHARE_OF_A_CORE} of a core for a whole
     * interval: what runs then is Kafka clients' polls and timers, not work a request left.
     *
     * @return whether they went idle within the limit
     */
    boolean awaitIdle(int limitSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds);
        long[] before = ticks();
        while (System.nanoTime() - deadline < 0) {
            TimeUnit.MILLISECONDS.sleep(IDLE_INTERVAL_MILLIS);
            long[] after = ticks();
            boolean idle = true;
            for (int p = 0; p < before.length - 1; p++) { // the last is this process
                idle &= seconds(after[p] - before[p]) <= IDLE_SHARE_OF_A_CORE * IDLE_INTERVAL_MILLIS / 1000.0;
            }
            if (idle) {
                return true;
            }
            before = after;
        }
        return false;
    }

    private void add(String name, long pid) {
        names.add(name);
        stats.add(Path.of("/proc", Long.toString(pid), "stat"));
        ticks(stats.get(stats.size() - 1)); // fails now, not mid-run, on a wrong pid
    }

    /** utime and stime are the 14th and 15th fields; the 2nd, the command in parentheses, may hold spaces. */
    private static long ticks(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CPU time of " + stat + " (has the process ended?)", e);
        }
    }
}
