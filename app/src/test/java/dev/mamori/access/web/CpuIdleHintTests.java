package dev.mamori.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuIdleHintTests {

    @TempDir
    Path root;

    private Path sys() {
        return root.resolve("sys");
    }

    private Path proc() {
        return root.resolve("proc");
    }

    private void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void driver(String name) throws IOException {
        write(sys().resolve("devices/system/cpu/cpuidle/current_driver"), name + "\n");
    }

    private void guestHaltPollNs(String value) throws IOException {
        write(sys().resolve("module/haltpoll/parameters/guest_halt_poll_ns"), value + "\n");
    }

    private void cpuFlags(String flags) throws IOException {
        write(proc().resolve("cpuinfo"), "processor\t: 0\nmodel name\t: AMD EPYC\nflags\t\t: " + flags + "\n\n");
    }

    @Test
    void haltPollingTurnedOffIsNamedWithTheKernelDefaultToRestore() throws IOException {
        driver("haltpoll");
        guestHaltPollNs("0");

        assertThat(CpuIdleHint.of(sys(), proc())).hasValueSatisfying(hint -> assertThat(hint)
                .contains("guest_halt_poll_ns=0")
                .contains("echo 200000 > /sys/module/haltpoll/parameters/guest_halt_poll_ns"));
    }

    @Test
    void haltPollingOnGivesNoHint() throws IOException {
        driver("haltpoll");
        guestHaltPollNs("200000");

        assertThat(CpuIdleHint.of(sys(), proc())).isEmpty();
    }

    @Test
    void aVirtualMachineWithoutCpuidleDriverIsNamed() throws IOException {
        driver("none");
        cpuFlags("fpu vme de pse tsc msr hypervisor lahf_lm");

        assertThat(CpuIdleHint.of(sys(), proc())).hasValueSatisfying(hint -> assertThat(hint)
                .contains("current_driver=none").contains("cpuidle-haltpoll"));
    }

    @Test
    void bareMetalWithoutCpuidleDriverGivesNoHint() throws IOException {
        driver("none");
        cpuFlags("fpu vme de pse tsc msr lahf_lm");

        assertThat(CpuIdleHint.of(sys(), proc())).isEmpty();
    }

    @Test
    void otherDriversAndAMachineWithoutSysfsGiveNoHint() throws IOException {
        assertThat(CpuIdleHint.of(sys(), proc())).isEmpty();

        driver("intel_idle");
        cpuFlags("fpu hypervisor");
        assertThat(CpuIdleHint.of(sys(), proc())).isEmpty();
    }
}
