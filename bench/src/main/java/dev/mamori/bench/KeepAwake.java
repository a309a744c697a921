package dev.mamori.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the machine's CPUs from going idle while a latency benchmark runs, with {@code -Dbench.keep-awake=true}:
 * one busy loop per CPU in a process of its own under Linux's {@code SCHED_IDLE} policy ({@code chrt -i 0}), which
 * runs only when nothing else wants the CPU and gives way at once to any thread that wakes up. A CPU that is never
 * idle is never halted, so a thread woken by a packet or a timer does not wait for its CPU to come back from the
 * halt first — the user-space equivalent of the low-latency tuning of a server ({@code idle=poll}, C-states
 * limited, a virtual machine's halt polling). On the two-core virtual machine of BENCHMARKS.md, a halted virtual
 * CPU took long enough to wake that it set the tail of the HTTP checks.
 * <p>
 * The loops take next to no time from the benchmark's processes (a {@code SCHED_IDLE} task has the smallest weight,
 * about 0.3 % of a normal one, and a waking normal task preempts it at once) but keep the CPUs 100 % busy, which
 * costs power: for measurements, and as a stand-in for the machine's own low-latency settings.
 */
final class KeepAwake implements AutoCloseable {

    private final List<Process> loops = new ArrayList<>();

    private KeepAwake() {
    }

    /** Starts the loops when {@code -Dbench.keep-awake=true}; otherwise does nothing. */
    static KeepAwake ifAsked() throws java.io.IOException {
        KeepAwake awake = new KeepAwake();
        if (Boolean.getBoolean("bench.keep-awake")) {
            int cpus = Runtime.getRuntime().availableProcessors();
            for (int i = 0; i < cpus; i++) {
                awake.loops.add(new ProcessBuilder("chrt", "--idle", "0", "sh", "-c", "while :; do :; done")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            }
            // not left behind when the benchmark ends some other way (an exception, System.exit)
            Runtime.getRuntime().addShutdownHook(new Thread(awake::close, "keep-awake-stop"));
            System.out.printf("[keep-awake] %d busy loops under SCHED_IDLE keep the CPUs from going idle%n", cpus);
        }
        return awake;
    }

    @Override
    public void close() {
        for (Process p : loops) {
            p.destroy();
        }
    }
}
