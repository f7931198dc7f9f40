package org.erratum.local;

import org.erratum.infrastructure.Polling;
import org.erratum.infrastructure.JavaCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The JVMs a local run starts (the broker and the services) outlive a launcher that is killed with -9: they would
 * keep the ports and the broker's log directory, so the next start fails, and the services would keep consuming
 * from Kafka with no store behind them, parking the events they cannot store as dead letters. Each of them
 * carries a JVM option naming the run's data directory, and two things stop the ones left over:
 * <ul>
 * <li>a watchdog JVM the launcher starts first, which waits for the launcher to end (its standard input, a pipe
 * from the launcher, closes however the launcher ends) and then stops them;</li>
 * <li>a new launcher, before it starts anything, in case the watchdog went down with the launcher.</li>
 * </ul>
 * Nothing in the services knows about this.
 */
final class Orphans {

    /** Time to shut down cleanly; after it they are killed: with the store gone there is nothing left to save. */
    private static final Duration GRACE = Duration.ofSeconds(20);

    private static final List<String> WATCHDOG_JVM_OPTIONS = List.of("-Xmx32m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    private Orphans() {
    }

    /** The JVM option that marks a process as started by the local run on this data directory. */
    static String marker(Path data) {
        return "-Derratum.local-system=" + data.toAbsolutePath().normalize();
    }

    /**
     * Stops every marked process that started before {@code startedBefore} (so never one of a newer run): asks
     * each to shut down, and kills those still there after the grace.
     *
     * @return how many there were
     */
    static int stop(Path data, Instant startedBefore) {
        String marker = marker(data);
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments().map(Arrays::asList).orElse(List.of()).contains(marker))
                .filter(process -> process.info().startInstant().map(startedBefore::isAfter).orElse(true))
                .toList();
        left.forEach(ProcessHandle::destroy);
        Polling.until(GRACE, () -> left.stream().noneMatch(ProcessHandle::isAlive));
        left.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return left.size();
    }

    /**
     * Starts the watchdog for the run on {@code data}. It prints to the launcher's console. The caller keeps the
     * returned process referenced for as long as it runs: the pipe to the watchdog closes when it is collected.
     */
    static Process startWatchdog(Path data) {
        List<String> command = JavaCommand.of(WATCHDOG_JVM_OPTIONS, Orphans.class.getName(),
                List.of(data.toAbsolutePath().normalize().toString()));
        try {
            return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the watchdog", e);
        }
    }

    /** The watchdog. Argument: the run's data directory. */
    public static void main(String[] args) throws IOException {
        while (System.in.read() != -1) {
            // the launcher never writes; this returns when its end of the pipe closes
        }
        int stopped = stop(Path.of(args[0]), Instant.now());
        if (stopped > 0) {
            System.out.println("The Erratum launcher ended without stopping its " + stopped
                    + " processes; they are stopped now.");
        }
    }
}
