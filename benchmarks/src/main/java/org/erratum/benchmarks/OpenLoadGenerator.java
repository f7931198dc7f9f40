package org.erratum.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A constant-rate (open model) HTTP load generator: it sends at the offered rate whatever the server does, and
 * measures each latency from the moment the request was due, so a stalled server shows up in the percentiles
 * instead of quietly lowering the load (no coordinated omission).
 * <p>
 * Like wrk2 it spreads the schedule over a fixed set of keep-alive connections (request {@code i} goes on connection
 * {@code i mod connections}); a request whose connection is still busy goes out as soon as it is free, and its wait
 * counts. Plain blocking sockets, a thread per connection, keep the generator's own CPU cost small: it shares the machine
 * with the server it measures. (The JDK's HttpClient opened a connection per outstanding request and cost the
 * server more than the requests did.)
 *
 * <p>Arguments: url, file holding the JSON body, requests per second, seconds measured (after 3 s unmeasured at the
 * same rate)[, connections (64)]. Prints one line:
 * {@code offered=… sent=… accepted=… errors=… p50_ms=… p99_ms=… max_ms=…}; only a 202 counts as accepted.
 */
public final class OpenLoadGenerator {

    /**
     * The generator's own start (class loading, compilation) costs CPU on the server's cores; its first seconds are
     * sent but not counted.
     */
    private static final int WARM_UP_SECONDS = 3;

    private OpenLoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int connections = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        int warmUp = rate * WARM_UP_SECONDS; // sent at the same rate, not measured
        int total = warmUp + rate * seconds;
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        byte[] request = request(url, body);

        long[] latencies = new long[total];
        AtomicInteger warmUpAnswered = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int first = c;
            Thread sender = new Thread(() -> {
                Connection connection = null;
                for (int i = first; i < total; i += connections) {
                    long due = start + i * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    try {
                        connection = connection != null ? connection : new Connection(url);
                        int status = connection.exchange(request);
                        (i < warmUp ? warmUpAnswered : status == 202 ? accepted : errors).incrementAndGet();
                        if (connection.closing) { // Tomcat ends a keep-alive connection after 100 requests
                            connection = close(connection);
                        }
                    } catch (IOException e) {
                        (i < warmUp ? warmUpAnswered : errors).incrementAndGet();
                        connection = close(connection);
                    }
                    latencies[i] = i < warmUp ? 0 : System.nanoTime() - due;
                }
                close(connection);
            });
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        long[] sorted = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        System.out.printf(Locale.ROOT, "offered=%d sent=%d accepted=%d errors=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
                rate, total - warmUp, accepted.get(), errors.get(), millis(sorted, 0.50), millis(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static byte[] request(URI url, byte[] body) {
        String head = "POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    private static Connection close(Connection connection) {
        if (connection != null) {
            try {
                connection.socket.close();
            } catch (IOException ignored) {
                // it is being dropped anyway
            }
        }
        return null;
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** One keep-alive HTTP/1.1 connection: writes a request, reads the whole response, returns its status. */
    private static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private boolean closing;

        Connection(URI url) throws IOException {
            socket = new Socket(url.getHost(), url.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            long length = 0;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                for (long chunk = chunkSize(); chunk > 0; chunk = chunkSize()) {
                    skip(chunk);
                    line(); // the CRLF after the chunk
                }
                line(); // the CRLF after the last, empty chunk
            } else {
                skip(length);
            }
            return status;
        }

        private long chunkSize() throws IOException {
            return Long.parseLong(line().split(";")[0].trim(), 16);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private void skip(long bytes) throws IOException {
            in.skipNBytes(bytes); // throws EOFException when the server closes early
        }
    }
}
