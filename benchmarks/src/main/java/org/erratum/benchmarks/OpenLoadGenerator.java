package org.erratum.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A constant-rate (open model) HTTP load generator: it sends at the offered rate whatever the server does, and
 * measures each latency from the moment the request was due, so a stalled server shows up in the percentiles
 * instead of quietly lowering the load (no coordinated omission).
 *
 * <p>Arguments: url, file holding the JSON body, requests per second, seconds. Prints one line:
 * {@code offered=… sent=… accepted=… errors=… p50_ms=… p99_ms=… max_ms=…}.
 */
public final class OpenLoadGenerator {

    private OpenLoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String body = Files.readString(Path.of(args[1]));
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int total = rate * seconds;
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;

        long[] latencies = new long[total];
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
            HttpRequest request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int index = i;
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                    latencies[index] = System.nanoTime() - due;
                    if (failure == null && response.statusCode() == 202) {
                        accepted.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (accepted.get() + errors.get() < total && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        } finally {
            executor.shutdownNow();
        }
        long[] sorted = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        System.out.printf("offered=%d sent=%d accepted=%d errors=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", rate, total,
                accepted.get(), errors.get(), millis(sorted, 0.50), millis(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
