package dev.mamori.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints what the machine's idle CPUs do, and with {@code -Dbench.guest-halt-poll-ns=N} sets the Linux guest's halt
 * polling ({@code cpuidle-haltpoll}: an idle virtual CPU polls up to N ns for work before it halts and is handed
 * back to the host) for the length of a latency benchmark, restoring the value it found afterwards. The kernel's
 * default is 200000; the two-core guests of BENCHMARKS.md come with 0 (polling off). Writing it needs root; a machine
 * without the {@code haltpoll} driver cannot be set, and the benchmark stops rather than measure something else.
 */
final class GuestHaltPolling implements AutoCloseable {

    private static final Path DRIVER = Path.of("/sys/devices/system/cpu/cpuidle/current_driver");
    private static final Path POLL_NS = Path.of("/sys/module/haltpoll/parameters/guest_halt_poll_ns");

    private final String restore;

    private GuestHaltPolling(String restore) {
        this.restore = restore;
    }

    /** Prints the machine's idle settings and applies {@code -Dbench.guest-halt-poll-ns} when given. */
    static GuestHaltPolling ifAsked() throws IOException {
        String driver = read(DRIVER);
        String found = read(POLL_NS);
        String asked = System.getProperty("bench.guest-halt-poll-ns", "").trim();
        if (asked.isEmpty()) {
            System.out.printf("[idle] cpuidle driver %s, guest_halt_poll_ns %s (as the machine is)%n", driver, found);
            return new GuestHaltPolling(null);
        }
        if (!"haltpoll".equals(driver)) {
            throw new IllegalStateException("-Dbench.guest-halt-poll-ns needs the haltpoll cpuidle driver; this machine has " + driver);
        }
        Files.writeString(POLL_NS, String.valueOf(Long.parseLong(asked)));
        GuestHaltPolling set = new GuestHaltPolling(found);
        Runtime.getRuntime().addShutdownHook(new Thread(set::close, "halt-polling-restore"));
        System.out.printf("[idle] cpuidle driver %s, guest_halt_poll_ns %s for this run (was %s)%n", driver, read(POLL_NS), found);
        return set;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return "(unknown: " + file + " unreadable)";
        }
    }

    @Override
    public synchronized void close() {
        if (restore != null) {
            try {
                Files.writeString(POLL_NS, restore);
            } catch (IOException e) {
                System.err.printf("[idle] could not restore guest_halt_poll_ns to %s: %s%n", restore, e);
            }
        }
    }
}
