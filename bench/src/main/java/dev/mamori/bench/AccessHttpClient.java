package dev.mamori.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import dev.mamori.access.AccessQuestion;

/**
 * The load generator of {@link AccessHttpLoad}, run in its own JVM: {@code POST /api/v1/access/check} over a
 * fixed pool of HTTP/1.1 keep-alive connections on loopback, at a fixed rate, open loop. Request {@code i} is
 * due at {@code start + i / rate}; the next free connection takes the next request, waits for its due time
 * (or not at all when it is already late) and sends it. Latency is counted from the due time, not from the
 * moment of sending, so a slow answer that holds up later requests is charged to them too (no coordinated
 * omission); with every connection busy, requests queue here and their wait counts. A connection the server
 * closes is reopened, and the reconnection counts in that request's latency.
 * <p>
 * A plain socket client (rather than {@code java.net.http.HttpClient}, whose HTTP/1.1 asynchronous sends open
 * a connection per request in flight): the requests are encoded once, beforehand; the response is read to its
 * end (Content-Length or chunked) and its status checked.
 * <p>
 * Arguments: port, bearer token, people, entries, rate per second, seconds measured, seconds of warm-up,
 * connections.
 */
public final class AccessHttpClient {

    private AccessHttpClient() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String token = args[1];
        int people = Integer.parseInt(args[2]);
        int entries = Integer.parseInt(args[3]);
        int rate = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int warmup = Integer.parseInt(args[6]);
        int connections = Integer.parseInt(args[7]);
        AccessQuestion[] questions = AccessData.questions(people, entries, 1 << 16, 7);
        byte[][] requests = new byte[questions.length][];
        for (int i = 0; i < questions.length; i++) {
            requests[i] = request(port, token, questions[i]);
        }
        // the encoded requests moved to the old generation now, not by the first collection during the load
        System.gc();
        System.out.printf("[access-http] client: separate JVM (pid %d), %d keep-alive connections%n",
                ProcessHandle.current().pid(), connections);
        System.out.printf("[access-http] warm-up %d s at %,d/s%n", warmup, rate);
        // -Dbench.access.client.engine=event-loop: one epoll event loop (AccessHttpEventLoopClient) instead of a thread
        // per connection (the default, "threads")
        Result r = "event-loop".equals(System.getProperty("bench.access.client.engine", "threads"))
                ? AccessHttpEventLoopClient.run(port, requests, rate, warmup, seconds, connections)
                : run(port, requests, rate, warmup, seconds, connections);
        long[] l = r.latencies;
        long[] late = new long[l.length];
        for (int i = 0; i < l.length; i++) {
            late[i] = l[i] - r.exchanges[i];
        }
        slowWindows(l, rate);
        r.machine.print(l, Math.max(1, rate / 10));
        slowest(l, r.exchanges, rate, r.measuredFrom);
        Arrays.sort(l);
        int n = l.length;
        System.out.printf("[access-http] %,d checks in %.1f s (%.0f/s achieved), %d failed, %,d permitted, %d reconnections%n",
                n, r.elapsedNanos / 1e9, n / (r.elapsedNanos / 1e9), r.failures, r.permitted, r.reconnections);
        System.out.printf("[access-http] latency from scheduled send: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n",
                pct(l, 0.50), pct(l, 0.90), pct(l, 0.99), pct(l, 0.999), l[n - 1] / 1e6);
        long[] x = r.exchanges.clone();
        Arrays.sort(x);
        // the exchange alone (from the moment of sending to the whole answer read): what is left of the latency
        // without the wait for a free connection or for this JVM's thread to be scheduled at the due time
        System.out.printf("[access-http] exchange alone (send to answer): p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms%n",
                pct(x, 0.50), pct(x, 0.90), pct(x, 0.99), pct(x, 0.999));
        Arrays.sort(late);
        // the rest: from the due time to the moment of sending (this JVM's thread woken late, or every connection busy)
        System.out.printf("[access-http] sent late (due to send): p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms%n",
                pct(late, 0.50), pct(late, 0.90), pct(late, 0.99), pct(late, 0.999));
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("[access-http] client JVM CPU: %.1f s%n", os.getProcessCpuTime() / 1e9);
        System.exit(r.failures == 0 ? 0 : 1);
    }

    /**
     * Where the slow answers (over 2 ms) fall in time, by 100 ms window of their scheduled send: clustered in a
     * few windows (a pause of the server or of the machine) or spread out (queueing throughout).
     */
    static void slowWindows(long[] latencies, int rate) {
        int per = Math.max(1, rate / 10);
        int windows = (latencies.length + per - 1) / per;
        int[] slow = new int[windows];
        long[] worst = new long[windows];
        int total = 0;
        for (int i = 0; i < latencies.length; i++) {
            if (latencies[i] > 2_000_000L) {
                slow[i / per]++;
                total++;
            }
            worst[i / per] = Math.max(worst[i / per], latencies[i]);
        }
        int withSlow = 0;
        for (int s : slow) {
            withSlow += s > 0 ? 1 : 0;
        }
        Integer[] order = new Integer[windows];
        for (int w = 0; w < windows; w++) {
            order[w] = w;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(slow[b], slow[a]));
        StringBuilder top = new StringBuilder();
        int shown = 0;
        for (int k = 0; k < Math.min(8, windows) && slow[order[k]] > 0; k++) {
            top.append(String.format(" %.1fs:%d(max %.1fms)", order[k] / 10.0, slow[order[k]], worst[order[k]] / 1e6));
            shown += slow[order[k]];
        }
        System.out.printf("[access-http] answers over 2 ms: %,d in %d of %d windows of 100 ms; worst windows hold %,d:%s%n",
                total, withSlow, windows, shown, top);
    }

    /**
     * The five slowest answers with the wall-clock time they were due, the exchange alone and how late they were
     * sent: to line a lone outlier up with the server's log (one connection held up, or the whole machine).
     */
    static void slowest(long[] latencies, long[] exchanges, int rate, java.time.Instant measuredFrom) {
        Integer[] order = new Integer[latencies.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(latencies[b], latencies[a]));
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < Math.min(5, order.length); k++) {
            int i = order[k];
            out.append(String.format("%n[access-http]   due %s: %.2f ms (exchange %.2f ms, sent %.2f ms late)",
                    measuredFrom.plusNanos(i * (1_000_000_000L / rate)), latencies[i] / 1e6, exchanges[i] / 1e6,
                    (latencies[i] - exchanges[i]) / 1e6));
        }
        System.out.printf("[access-http] slowest answers:%s%n", out);
    }

    static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p * sorted.length) - 1))] / 1e6;
    }

    private static byte[] request(int port, String token, AccessQuestion q) {
        String body = "{\"personId\":" + q.personId() + ",\"action\":\"" + q.action() + "\",\"assetId\":" + q.assetId()
                + ",\"medium\":\"" + q.medium() + "\",\"location\":\"" + q.location() + "\",\"recipient\":\""
                + q.recipient() + "\"}";
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/access/check HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + b.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(h, h.length + b.length);
        System.arraycopy(b, 0, out, h.length, b.length);
        return out;
    }

    /** The connection to go on with (null when closed) and the answer's status (-1 when none came). */
    record Exchanged(Connection connection, int status) {
    }

    /**
     * One request on the connection (opened, or reopened, first when needed), retried once on a new connection
     * when the old one fails. A method of its own, called per request, so that the JIT compiles it once and the
     * measured phase runs the same compiled code as the warm-up (as part of the workers' long loop it was only
     * compiled on-stack and recompiled when the measured phase began).
     */
    private static Exchanged exchange(Connection c, int port, boolean opened, byte[] req, AtomicLong permitted,
                                      AtomicLong reconnections) {
        int status = -1;
        for (int attempt = 0; attempt < 2 && status < 0; attempt++) {
            try {
                if (c == null) {
                    c = new Connection(port);
                    if (opened) {
                        reconnections.incrementAndGet();
                    }
                    opened = true;
                }
                status = c.exchange(req);
                if (c.permitted) {
                    permitted.incrementAndGet();
                }
                if (c.closeAfter) {
                    c.close();
                    c = null;
                }
            } catch (IOException e) {
                if (c != null) {
                    c.close();
                }
                c = null;
            }
        }
        return new Exchanged(c, status);
    }

    record Result(long[] latencies, long[] exchanges, long elapsedNanos, int failures, long permitted, long reconnections,
                  java.time.Instant measuredFrom, MachineWindows machine) {
    }

    /**
     * Warm-up and measurement as one stream of requests on the same threads and connections: the measured part
     * begins in the middle of a steady load, with no phase change (threads started, the main thread's work) at
     * its start. Only the measured requests are recorded; a failure during the warm-up counts too.
     */
    private static Result run(int port, byte[][] requests, int rate, int warmup, int seconds, int connections)
            throws Exception {
        Connection[] pool = new Connection[connections];
        int skipped = rate * warmup;
        int measured = rate * seconds;
        int total = skipped + measured;
        long[] latencies = new long[measured];
        long[] exchanges = new long[measured];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicLong permitted = new AtomicLong();
        AtomicLong reconnections = new AtomicLong();
        AtomicLong uncounted = new AtomicLong();
        long interval = 1_000_000_000L / rate;
        // -Dbench.access.client.spin-us=N: wake N µs before the due time and spin to it, so that a request is
        // not sent late because this JVM's thread (or its CPU, halted while idle) was slow to wake; 0 (the
        // default): park until the due time
        long spin = Integer.getInteger("bench.access.client.spin-us", 0) * 1000L;
        if (spin > 0) {
            System.out.printf("[access-http] the load generator wakes %d µs early and spins to each due time%n", spin / 1000);
        }
        long start = System.nanoTime() + 20_000_000L;
        long measuredFrom = start + skipped * interval;
        // the wall-clock start of the measurement, to line the slow windows up with the server's GC log
        // (-Xlog:gc:file=…:time)
        java.time.Instant measuredAt = java.time.Instant.now().plusNanos(measuredFrom - System.nanoTime());
        MachineWindows machine = MachineWindows.start(measuredFrom, seconds * 10);
        System.out.printf("[access-http] measuring %d s at %,d/s from %s (after the warm-up, without a pause)%n",
                seconds, rate, measuredAt);
        Thread[] workers = new Thread[connections];
        for (int w = 0; w < connections; w++) {
            int slot = w;
            workers[w] = new Thread(() -> {
                Connection c = pool[slot];
                boolean opened = c != null;
                try {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long due = start + i * interval;
                        long wait;
                        while ((wait = due - System.nanoTime()) > spin) {
                            LockSupport.parkNanos(wait - spin);
                        }
                        while (System.nanoTime() < due) {
                            Thread.onSpinWait();
                        }
                        byte[] req = requests[i & (requests.length - 1)];
                        long sent = System.nanoTime();
                        Exchanged x = exchange(c, port, opened, req, i >= skipped ? permitted : uncounted,
                                i >= skipped ? reconnections : uncounted);
                        c = x.connection;
                        opened = true;
                        int status = x.status;
                        long answered = System.nanoTime();
                        if (i >= skipped) {
                            latencies[i - skipped] = answered - due;
                            exchanges[i - skipped] = answered - sent;
                        }
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                    }
                } finally {
                    pool[slot] = c; // closed when this JVM ends
                }
            }, "load-" + w);
            workers[w].start();
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep((warmup + seconds + 60) * 1000L);
                System.out.println("[access-http] no end after " + (warmup + seconds + 60)
                        + " s: the server stopped answering");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException ended) {
                // the phase ended
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        for (Thread t : workers) {
            t.join();
        }
        watchdog.interrupt();
        long elapsed = System.nanoTime() - measuredFrom;
        return new Result(latencies, exchanges, elapsed, failures.get(), permitted.get(), reconnections.get(), measuredAt,
                machine);
    }

    /** One keep-alive HTTP/1.1 connection; not thread-safe. */
    private static final class Connection {
        private static final byte[] PERMITTED = "\"permitted\":true".getBytes(StandardCharsets.US_ASCII);
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] buf = new byte[16384];
        private int pos;
        private int lim;
        boolean closeAfter;
        boolean permitted;

        Connection(int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            // no read timeout: with one, the JDK's socket reads in non-blocking mode and waits in poll() (three
            // system calls per answer instead of one blocking read); a server that stops answering is caught by
            // the watchdog in run() instead
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        /** Sends the request and reads the whole response; its status. */
        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            closeAfter = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("connection") && value.equalsIgnoreCase("close")) {
                    closeAfter = true;
                }
            }
            permitted = false;
            if (chunked) {
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    body(size);
                    line();
                }
                line();
            } else if (length >= 0) {
                body((int) length);
            } else {
                throw new IOException("response without length");
            }
            return status;
        }

        private void body(int size) throws IOException {
            int matched = 0;
            for (int k = 0; k < size; k++) {
                byte b = read();
                matched = b == PERMITTED[matched] ? matched + 1 : (b == PERMITTED[0] ? 1 : 0);
                if (matched == PERMITTED.length) {
                    permitted = true;
                    matched = 0;
                }
            }
        }

        private byte read() throws IOException {
            if (pos == lim) {
                lim = in.read(buf);
                pos = 0;
                if (lim <= 0) {
                    lim = 0;
                    throw new IOException("connection closed");
                }
            }
            return buf[pos++];
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            for (byte b = read(); b != '\n'; b = read()) {
                if (b != '\r') {
                    sb.append((char) b);
                }
            }
            return sb.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
