package org.erratum.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A constant-rate (open model) HTTP load generator: it sends at the offered rate whatever the server does, and
 * measures each latency from the moment the request was due, so a stalled server shows up in the percentiles
 * instead of quietly lowering the load (no coordinated omission).
 * <p>
 * Like wrk2 it spreads the schedule over a fixed set of keep-alive connections (request {@code i} goes on connection
 * {@code i mod connections}); a request whose connection is still busy goes out as soon as it is free, and its wait
 * counts. It shares the machine with the server it measures, so it is built to cost little CPU, and reports what it
 * costs: one pacer thread sends each request when it is due (a non-blocking write), one thread reads every answer
 * through a selector and sends a connection's next request if it is already due: two threads, however many
 * connections, rather than a blocking thread per connection woken twice per request.
 * <p>
 * Over the measured part of each step it reads the CPU time every given process used, so the CPU cost per accepted
 * request is the cost at that offered rate, without start-up, warm-up or the pause between steps.
 */
final class OpenLoadGenerator {

    /** A server that answers nothing for this long has failed the request. */
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final InetSocketAddress address;
    private final byte[] request;
    private final int connections;
    private final ProcessCpu cpu;

    OpenLoadGenerator(URI url, byte[] body, int connections, ProcessCpu cpu) {
        this.address = new InetSocketAddress(url.getHost(), url.getPort());
        this.request = HttpResponse.post(url.getHost(), url.getPort(), url.getRawPath(), body);
        this.connections = connections;
        this.cpu = cpu;
    }

    /**
     * What one step at a constant offered rate measured.
     *
     * @param sent          requests due in the measured seconds
     * @param accepted      of those, answered 2xx
     * @param errors        answered otherwise, or not at all
     * @param lateP99Millis how late the pacer sent the measured requests whose connection was free (99th
     *                      percentile): the generator's own lag, in the latencies too
     * @param cpuMicros     per process ({@link ProcessCpu#names()}), CPU microseconds over the measured seconds per
     *                      accepted request
     */
    record Step(int rate, int sent, int accepted, int errors, double p50Millis, double p99Millis, double maxMillis,
            double lateP99Millis, double[] cpuMicros) {
    }

    /**
     * Offers {@code rate} requests per second for {@code warmUpSeconds} unmeasured, then {@code seconds} measured,
     * and returns once every request was answered (or failed).
     */
    Step offer(int rate, int warmUpSeconds, int seconds) throws Exception {
        Run run = new Run(rate, rate * warmUpSeconds, rate * (warmUpSeconds + seconds));
        Thread reader = new Thread(run::read, "reader");
        Thread pacer = new Thread(run::pace, "pacer");
        reader.start();
        pacer.start();
        parkUntil(run.due(run.warmUp));
        long[] before = cpu.ticks();
        parkUntil(run.due(run.total));
        long[] after = cpu.ticks();
        pacer.join();
        reader.join();
        run.close();
        if (run.finished < run.total) {
            throw new IllegalStateException("the reader stopped after " + run.finished + " of " + run.total);
        }
        double[] cpuMicros = new double[before.length];
        for (int p = 0; p < cpuMicros.length; p++) {
            cpuMicros[p] = cpu.seconds(after[p] - before[p]) * 1e6 / Math.max(1, run.accepted);
        }
        long[] latencies = run.latencies;
        Arrays.sort(latencies);
        long[] late = Arrays.stream(run.late).filter(l -> l >= 0).sorted().toArray();
        return new Step(rate, latencies.length, run.accepted, latencies.length - run.accepted,
                millis(latencies, 0.50), millis(latencies, 0.99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, millis(late, 0.99), cpuMicros);
    }

    /**
     * One step's schedule, connections and results. The pacer writes a connection's request only when nothing is
     * outstanding on it, the reader only after finishing one while more are outstanding: the count of outstanding
     * requests hands the connection from one to the other, so they never write at once.
     */
    private final class Run {

        final int rate;
        final int warmUp;
        final int total;
        final long start;
        final Selector selector = Selector.open();
        final Connection[] open = new Connection[connections];
        final AtomicBoolean broken = new AtomicBoolean();
        /** Measured requests only; written by the reader, read after it ended. */
        final long[] latencies;
        /** Written by the pacer, -1 where the request waited for its connection. */
        final long[] late;
        int accepted;
        int finished;

        Run(int rate, int warmUp, int total) throws IOException {
            this.rate = rate;
            this.warmUp = warmUp;
            this.total = total;
            latencies = new long[total - warmUp];
            late = new long[total - warmUp];
            Arrays.fill(late, -1);
            for (int c = 0; c < open.length; c++) {
                open[c] = new Connection(c);
                open[c].connect();
            }
            start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100); // time for both threads to start
        }

        /** Exact for any step: the schedule is computed, never accumulated. */
        long due(int request) {
            return start + request * TimeUnit.SECONDS.toNanos(1) / rate;
        }

        void pace() {
            for (int i = 0; i < total; i++) {
                long due = due(i);
                parkUntil(due);
                Connection connection = open[i % open.length];
                if (connection.outstanding.getAndIncrement() == 0) {
                    if (i >= warmUp) {
                        late[i - warmUp] = System.nanoTime() - due;
                    }
                    send(connection);
                }
            }
        }

        void read() {
            long nextTimeoutCheck = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            try {
                while (finished < total) {
                    selector.select(1000);
                    for (SelectionKey key : selector.selectedKeys()) {
                        ((Connection) key.attachment()).readable();
                    }
                    selector.selectedKeys().clear();
                    long now = System.nanoTime();
                    if (broken.getAndSet(false) || now - nextTimeoutCheck > 0) {
                        for (Connection connection : open) {
                            if (connection.broken || connection.outstanding.get() > 0
                                    && now - due(connection.current()) > TIMEOUT_NANOS) {
                                connection.failed();
                            }
                        }
                        nextTimeoutCheck = now + TimeUnit.SECONDS.toNanos(1);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void send(Connection connection) {
            try {
                connection.write();
            } catch (IOException e) {
                connection.broken = true; // the reader counts it failed and connects again
                broken.set(true);
                selector.wakeup();
            }
        }

        void close() throws IOException {
            for (Connection connection : open) {
                connection.channel.close();
            }
            selector.close();
        }

        /** One keep-alive connection: all but the outstanding count, the channel and its write is the reader's. */
        final class Connection {

            final int index;
            final AtomicInteger outstanding = new AtomicInteger();
            final ByteBuffer out = ByteBuffer.allocateDirect(request.length).put(request);
            ByteBuffer in = ByteBuffer.allocate(8192);
            volatile SocketChannel channel;
            volatile boolean broken;
            /** Requests on this connection finished so far. */
            int done;

            Connection(int index) {
                this.index = index;
            }

            /** The schedule's index of the request outstanding (or next) on this connection. */
            int current() {
                return index + done * open.length;
            }

            void connect() throws IOException {
                SocketChannel opened = SocketChannel.open(address);
                opened.setOption(StandardSocketOptions.TCP_NODELAY, true);
                opened.configureBlocking(false);
                opened.register(selector, SelectionKey.OP_READ, this);
                in.clear();
                channel = opened;
            }

            void write() throws IOException {
                out.rewind();
                channel.write(out);
                if (out.hasRemaining()) { // a few hundred bytes into an empty socket buffer: never seen
                    throw new IOException("the request did not fit the socket's buffer");
                }
            }

            void readable() throws IOException {
                int read;
                try {
                    read = channel.read(in);
                } catch (IOException e) {
                    read = -1;
                }
                if (read < 0) {
                    failed();
                    return;
                }
                HttpResponse response = HttpResponse.parse(in.array(), in.position());
                if (response == null) {
                    if (!in.hasRemaining()) {
                        in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
                    }
                    return;
                }
                in.clear(); // one request in flight: nothing follows its response
                finish(response.status() >= 200 && response.status() < 300, response.closing());
            }

            /** The outstanding request failed (or the server closed an idle connection): connect again. */
            void failed() throws IOException {
                broken = false;
                channel.close();
                if (outstanding.get() > 0) {
                    finish(false, true);
                    return;
                }
                outstanding.incrementAndGet(); // keeps the pacer off the connection while it is replaced
                reconnect();
                resume();
            }

            private void finish(boolean answered, boolean reconnect) throws IOException {
                int request = current();
                done++;
                finished++;
                if (request >= warmUp) {
                    latencies[request - warmUp] = System.nanoTime() - due(request);
                    if (answered) {
                        accepted++;
                    }
                }
                if (reconnect) {
                    channel.close();
                    reconnect();
                }
                resume();
            }

            /** Sends the next request if one is already due here. */
            private void resume() {
                if (outstanding.decrementAndGet() > 0) {
                    send(this);
                }
            }

            private void reconnect() {
                try {
                    connect();
                } catch (IOException e) {
                    broken = true; // the server is away: each request on this connection fails in turn
                    Run.this.broken.set(true);
                }
            }
        }
    }

    private static void parkUntil(long due) {
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
