package dev.mamori.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.mamori.vault.internal.marking.OfficeConverter;
import dev.mamori.vault.internal.marking.Watermark;

/**
 * The viewer's LibreOffice settings: {@code none} turns it off, no setting finds {@code /usr/bin/soffice} and
 * {@code /dev/shm}, a path given is taken as given, and a working directory on disk the operator named without
 * consenting to it stops the start.
 */
class VaultConfigurationTests {

    final VaultConfiguration configuration = new VaultConfiguration();

    @Test
    void noneTurnsTheOfficeConverterOff() {
        assertThat(VaultConfiguration.officeProgram("none")).isEmpty();
        assertThat(VaultConfiguration.officeProgram(" NONE ")).isEmpty();
        assertThat(configuration.vaultOfficeConverter("none", "", false, Duration.ofSeconds(60), 1)).isNull();
    }

    @Test
    void withoutASettingLibreOfficeIsUsedWhereDebianInstallsItAndWorksInDevShm() {
        assertThat(VaultConfiguration.officeProgram("")).isEqualTo(Files.isExecutable(OfficeConverter.DEFAULT_PROGRAM)
                ? Optional.of(OfficeConverter.DEFAULT_PROGRAM) : Optional.empty());
        assertThat(VaultConfiguration.officeWorkDir(" ")).isEqualTo(Files.isDirectory(OfficeConverter.DEFAULT_WORK_DIR)
                ? Optional.of(OfficeConverter.DEFAULT_WORK_DIR) : Optional.empty());
    }

    @Test
    void aProgramGivenIsTakenAsGiven() {
        assertThat(VaultConfiguration.officeProgram(" /opt/libreoffice/program/soffice "))
                .contains(Path.of("/opt/libreoffice/program/soffice"));
    }

    @Test
    void aWorkingDirectoryOnDiskStopsTheStartUnlessTheOperatorConsented() throws IOException {
        Path disk = Files.createTempDirectory(Path.of("target"), "office-work-");
        try {
            assumeFalse(OfficeConverter.memoryBacked(disk), "target/ is memory-backed here");
            assertThatThrownBy(() -> configuration.vaultOfficeConverter("/usr/bin/soffice", disk.toString(), false,
                    Duration.ofSeconds(60), 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memory-backed");
            try (OfficeConverter consented = configuration.vaultOfficeConverter("/usr/bin/soffice", disk.toString(), true,
                    Duration.ofSeconds(60), 1)) {
                assertThat(consented.workDir()).isEqualTo(disk.toAbsolutePath().normalize());
            }
        } finally {
            Files.delete(disk);
        }
    }

    @Test
    void theWatermarkIsOnByDefaultAndAnOpacityOutOfRangeStopsTheStart() {
        assertThat(configuration.vaultWatermark(true, Watermark.DEFAULT_OPACITY)).isEqualTo(Watermark.DEFAULT);
        assertThat(configuration.vaultWatermark(false, 0.3f).enabled()).isFalse();
        assertThatThrownBy(() -> configuration.vaultWatermark(true, 0.9f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mamori.vault.marking.watermark-opacity");
    }
}
