package dev.mamori.access.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads from Linux's {@code /sys} and {@code /proc} what an idle CPU of this machine does, so that the check listener
 * can say at start when a setting of the machine will lengthen its tail latency: on a virtual machine whose idle
 * virtual CPUs halt at once, a thread woken by a packet waits until the host runs that CPU again. Measured on the
 * two-core guest of BENCHMARKS.md: the kernel's guest halt polling ({@code cpuidle-haltpoll}) at its default of
 * 200 µs took the listener's p99 at 2,000 checks a second under 2 ms where the same machine with polling off
 * ({@code guest_halt_poll_ns=0}) was over it in most runs. Only a hint for the operator: nothing is changed.
 */
final class CpuIdleHint {

    /** The kernel's own default for {@code haltpoll.guest_halt_poll_ns} (Documentation/virt/guest-halt-polling). */
    static final long KERNEL_DEFAULT_GUEST_HALT_POLL_NS = 200_000;

    private CpuIdleHint() {
    }

    /** The hint for this machine, if its idle CPUs halt without polling; empty when they poll or it cannot be told. */
    static Optional<String> forThisMachine() {
        return of(Path.of("/sys"), Path.of("/proc"));
    }

    static Optional<String> of(Path sys, Path proc) {
        Optional<String> driver = read(sys.resolve("devices/system/cpu/cpuidle/current_driver"));
        if (driver.isEmpty()) {
            return Optional.empty();
        }
        if (driver.get().equals("haltpoll")) {
            Optional<String> pollNs = read(sys.resolve("module/haltpoll/parameters/guest_halt_poll_ns"));
            if (pollNs.isPresent() && pollNs.get().equals("0")) {
                return Optional.of("Guest halt polling is off on this virtual machine (haltpoll.guest_halt_poll_ns=0;"
                        + " the kernel's default is " + KERNEL_DEFAULT_GUEST_HALT_POLL_NS + "): an idle virtual CPU"
                        + " halts at once, which lengthens the check listener's tail latency. To restore the"
                        + " default: echo " + KERNEL_DEFAULT_GUEST_HALT_POLL_NS
                        + " > /sys/module/haltpoll/parameters/guest_halt_poll_ns (see docs/access-check.md).");
            }
            return Optional.empty();
        }
        if (driver.get().equals("none") && virtualMachine(proc)) {
            return Optional.of("This virtual machine has no cpuidle driver (current_driver=none): an idle virtual CPU"
                    + " halts at once, which lengthens the check listener's tail latency. Consider the kernel's"
                    + " cpuidle-haltpoll driver (see docs/access-check.md).");
        }
        return Optional.empty();
    }

    private static boolean virtualMachine(Path proc) {
        try {
            for (String line : Files.readAllLines(proc.resolve("cpuinfo"))) {
                if (line.startsWith("flags") && (" " + line + " ").contains(" hypervisor ")) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: cannot tell, so no hint
        }
        return false;
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file).strip());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
