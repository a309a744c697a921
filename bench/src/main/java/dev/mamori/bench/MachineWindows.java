package dev.mamori.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * What the machine did in each 100 ms window of {@link AccessHttpClient}'s measurement, read from Linux's
 * {@code /proc} at every window boundary by one thread of the load generator (ten small reads a second, no
 * process started): the time the host took from the guest's CPUs ({@code steal} of {@code /proc/stat}, summed
 * over the CPUs, in the kernel's 10 ms ticks) and the time the load generator's own threads waited for a CPU
 * while runnable ({@code /proc/self/task/}<i>tid</i>{@code /schedstat}, in nanoseconds). Lined up with the
 * answers due in the same window, they tell whether a run's slow answers came with the host taking the CPUs
 * away, or with the guest's own threads crowding them.
 */
final class MachineWindows {

    private static final long WINDOW = 100_000_000L;

    private final long from;
    private final long[] steal;
    private final long[] waited;
    private final Thread sampler;
    private volatile int sampled;

    private MachineWindows(long from, int windows) {
        this.from = from;
        this.steal = new long[windows + 1];
        this.waited = new long[windows + 1];
        this.sampler = new Thread(this::sample, "machine-windows");
        sampler.setDaemon(true);
    }

    /** Starts sampling at {@code from} (a {@link System#nanoTime()}) and at every 100 ms after it, {@code windows} times. */
    static MachineWindows start(long from, int windows) {
        MachineWindows w = new MachineWindows(from, windows);
        w.sampler.start();
        return w;
    }

    private void sample() {
        java.util.Map<String, Long> before = java.util.Map.of();
        for (int k = 0; k < steal.length; k++) {
            long due = from + k * WINDOW;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            steal[k] = stealTicks();
            java.util.Map<String, Long> now = runQueueWait();
            // per thread, so that a thread ending does not take its wait out of the sum
            long sum = k == 0 ? 0 : waited[k - 1];
            for (var e : now.entrySet()) {
                sum += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), k == 0 ? e.getValue() : 0L));
            }
            waited[k] = now.isEmpty() ? -1 : sum;
            before = now;
            sampled = k + 1;
        }
    }

    /** The host's steal time of every CPU so far, in ticks of 10 ms ({@code USER_HZ}), or -1 when not readable. */
    static long stealTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return f.length > 8 ? Long.parseLong(f[8]) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** How long each of this process's threads has waited, runnable, for a CPU so far (ns); empty when not readable. */
    static java.util.Map<String, Long> runQueueWait() {
        java.util.Map<String, Long> waits = new java.util.HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path t : tasks) {
                try {
                    String[] f = Files.readString(t.resolve("schedstat")).trim().split("\\s+");
                    waits.put(t.getFileName().toString(), Long.parseLong(f[1]));
                } catch (IOException | RuntimeException e) {
                    // a thread that ended between the listing and the read
                }
            }
        } catch (IOException | RuntimeException e) {
            waits.clear();
        }
        return waits;
    }

    /**
     * Prints, by the host's steal in the window (0, 10, 20 and 30 ms or more over both CPUs), how many windows,
     * their answers, those over 2 ms, the 99th percentile of their latencies and the load generator's run-queue
     * wait; then the run's 99th percentile over the windows without a steal tick.
     *
     * @param latencies the measured answers in the order they were due, {@code perWindow} to a window
     */
    void print(long[] latencies, int perWindow) {
        sampler.interrupt();
        int windows = Math.min(sampled - 1, latencies.length / perWindow);
        if (windows <= 0 || steal[0] < 0) {
            System.out.println("[access-http] machine by window: not available (no /proc/stat steal on this machine)");
            return;
        }
        String[] names = {"0 ms", "10 ms", "20 ms", ">= 30 ms"};
        long[][] bucket = new long[names.length][];
        int[] count = new int[names.length];
        int[] windowsIn = new int[names.length];
        long[] waitIn = new long[names.length];
        for (int b = 0; b < names.length; b++) {
            bucket[b] = new long[windows * perWindow];
        }
        long totalSteal = 0;
        for (int w = 0; w < windows; w++) {
            long s = steal[w + 1] - steal[w];
            totalSteal += s;
            int b = (int) Math.min(names.length - 1, Math.max(0, s));
            windowsIn[b]++;
            waitIn[b] += waited[w + 1] - waited[w];
            System.arraycopy(latencies, w * perWindow, bucket[b], count[b], perWindow);
            count[b] += perWindow;
        }
        System.out.printf("[access-http] the host's steal over both CPUs, by window of 100 ms (%d windows, %d ms stolen in all):%n",
                windows, totalSteal * 10);
        for (int b = 0; b < names.length; b++) {
            if (windowsIn[b] == 0) {
                continue;
            }
            long[] l = Arrays.copyOf(bucket[b], count[b]);
            Arrays.sort(l);
            long over = Arrays.stream(l).filter(x -> x > 2_000_000L).count();
            System.out.printf("[access-http]   steal %-8s %4d windows, %,7d answers, %,5d over 2 ms (%5.2f %%), p99 %.3f ms, load generator waited for a CPU %.2f ms a window%n",
                    names[b], windowsIn[b], l.length, over, 100.0 * over / l.length, AccessHttpClient.pct(l, 0.99),
                    waited[0] < 0 ? Double.NaN : waitIn[b] / 1e6 / windowsIn[b]);
        }
        long[] quiet = Arrays.copyOf(bucket[0], count[0]);
        Arrays.sort(quiet);
        if (quiet.length > 0) {
            System.out.printf("[access-http] p99 in the windows without a steal tick: %.3f ms (%,d of %,d answers)%n",
                    AccessHttpClient.pct(quiet, 0.99), quiet.length, windows * perWindow);
        }
    }
}
