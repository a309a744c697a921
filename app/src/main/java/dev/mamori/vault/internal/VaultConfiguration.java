package dev.mamori.vault.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import dev.mamori.platform.MamoriProperties;
import dev.mamori.vault.KeyWrapper;
import dev.mamori.vault.internal.crypto.FileKeyWrapper;
import dev.mamori.vault.internal.marking.MarkFont;
import dev.mamori.vault.internal.marking.Markers;
import dev.mamori.vault.internal.marking.OfficeConverter;
import dev.mamori.vault.internal.marking.Watermark;

/**
 * The vault's parts: the master key file ({@code <data-dir>/vault/master.key}) unless another {@link KeyWrapper}
 * bean is given, the file store ({@code <data-dir>/vault/files}) and the markers with their font
 * ({@code mamori.vault.font}, default IPAex Gothic).
 */
@Configuration
class VaultConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VaultConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(KeyWrapper.class)
    KeyWrapper vaultKeyWrapper(MamoriProperties properties) {
        return new FileKeyWrapper(vaultDir(properties).resolve("master.key"));
    }

    @Bean
    VaultStorage vaultStorage(MamoriProperties properties) {
        return new VaultStorage(vaultDir(properties).resolve("files"));
    }

    @Bean
    @Lazy
    Markers vaultMarkers(@Value("${mamori.vault.font:}") String font, Watermark watermark) {
        return new Markers(MarkFont.locate(font.isBlank() ? null : Path.of(font)), watermark);
    }

    /**
     * The see-through watermark over every page of a PDF copy and over image copies: {@code
     * mamori.vault.marking.watermark} (default on) and {@code mamori.vault.marking.watermark-opacity} (default
     * {@value Watermark#DEFAULT_OPACITY}). Not lazy, so that a setting out of range stops the start.
     */
    @Bean
    Watermark vaultWatermark(@Value("${mamori.vault.marking.watermark:true}") boolean enabled,
                             @Value("${mamori.vault.marking.watermark-opacity:" + Watermark.DEFAULT_OPACITY + "}") float opacity) {
        return new Watermark(enabled, opacity);
    }

    /**
     * The copies open in document viewers: at most {@code mamori.vault.viewer.cache-megabytes} (default 64) of
     * marked bytes in memory, each for {@code mamori.vault.viewer.minutes} (default 10) after it was opened.
     */
    @Bean
    ViewerCopies vaultViewerCopies(@Value("${mamori.vault.viewer.cache-megabytes:64}") long megabytes,
                                   @Value("${mamori.vault.viewer.minutes:10}") long minutes, java.time.Clock clock) {
        return new ViewerCopies(megabytes * 1024 * 1024, java.time.Duration.ofMinutes(minutes), clock);
    }

    /**
     * LibreOffice for showing Word, Excel and PowerPoint files in the document viewer and for converting legacy
     * .doc, .xls and .ppt files to .docx, .xlsx and .pptx for every copy, or none (a null bean, so
     * {@code ObjectProvider#getIfAvailable} answers null): {@code mamori.vault.viewer.office-converter} is the path
     * of {@code soffice} (default {@code /usr/bin/soffice} when it is there; {@code none} turns the feature off),
     * conversions work below {@code mamori.vault.viewer.office-work-dir} (default {@code /dev/shm}; a directory
     * that is not memory-backed only with {@code mamori.vault.viewer.office-work-dir-on-disk=true}), each for at
     * most {@code mamori.vault.viewer.office-timeout} (default 60s), at most
     * {@code mamori.vault.viewer.office-conversions} (default 1) at once.
     */
    @Bean
    OfficeConverter vaultOfficeConverter(@Value("${mamori.vault.viewer.office-converter:}") String converter,
                                 @Value("${mamori.vault.viewer.office-work-dir:}") String workDir,
                                 @Value("${mamori.vault.viewer.office-work-dir-on-disk:false}") boolean workDirOnDisk,
                                 @Value("${mamori.vault.viewer.office-timeout:60s}") Duration timeout,
                                 @Value("${mamori.vault.viewer.office-conversions:1}") int conversions) {
        Optional<Path> program = officeProgram(converter);
        if (program.isEmpty()) {
            log.info("Word, Excel and PowerPoint files are not shown in the document viewer, and legacy .doc, .xls and .ppt"
                    + " files cannot be marked: no LibreOffice ({})",
                    converter.isBlank() ? OfficeConverter.DEFAULT_PROGRAM + " not found" : "office-converter=" + converter.strip());
            return null;
        }
        Optional<Path> dir = officeWorkDir(workDir);
        if (dir.isEmpty() || (workDir.isBlank() && !workDirOnDisk && !OfficeConverter.memoryBacked(dir.get()))) {
            log.warn("Word, Excel and PowerPoint files are not shown in the document viewer, and legacy .doc, .xls and .ppt"
                    + " files cannot be marked: {} is not a memory-backed"
                    + " directory; set mamori.vault.viewer.office-work-dir to one (or consent to a directory on disk with"
                    + " mamori.vault.viewer.office-work-dir-on-disk=true)", OfficeConverter.DEFAULT_WORK_DIR);
            return null;
        }
        if (!Files.isExecutable(program.get())) {
            log.warn("mamori.vault.viewer.office-converter={} is not executable: every Word, Excel or PowerPoint file"
                    + " opened in the document viewer, and every copy and upload of a legacy .doc, .xls or .ppt file,"
                    + " will fail to convert", program.get());
        }
        // a directory the operator named that is not memory-backed, without their consent, stops the start here
        return new OfficeConverter(program.get(), dir.get(), workDirOnDisk, timeout, conversions);
    }

    /**
     * Legacy .doc, .xls and .ppt files: converted by LibreOffice for every copy and marked as .docx, .xlsx and
     * .pptx; without LibreOffice refused, unless {@code mamori.vault.legacy-office-unmarked=true} (default false)
     * lets them be stored and handed out unmarked.
     */
    @Bean
    LegacyOffice vaultLegacyOffice(ObjectProvider<OfficeConverter> converter,
                                   @Value("${mamori.vault.legacy-office-unmarked:false}") boolean unmarked) {
        OfficeConverter office = converter.getIfAvailable();
        if (office == null) {
            log.warn(unmarked
                    ? "Legacy .doc, .xls and .ppt files are stored and handed out UNMARKED: no LibreOffice to convert them,"
                            + " and mamori.vault.legacy-office-unmarked=true"
                    : "Legacy .doc, .xls and .ppt files are refused (at upload, and every copy of one stored before):"
                            + " no LibreOffice to convert them so that they can be marked");
        }
        return new LegacyOffice(office, unmarked);
    }

    /** The LibreOffice program: the one configured, else {@code /usr/bin/soffice} if it is there; none for "none". */
    static Optional<Path> officeProgram(String setting) {
        if (setting == null || setting.isBlank()) {
            return Files.isExecutable(OfficeConverter.DEFAULT_PROGRAM) ? Optional.of(OfficeConverter.DEFAULT_PROGRAM) : Optional.empty();
        }
        return "none".equalsIgnoreCase(setting.strip()) ? Optional.empty() : Optional.of(Path.of(setting.strip()));
    }

    /** The conversions' working directory: the one configured, else {@code /dev/shm} if it is there. */
    static Optional<Path> officeWorkDir(String setting) {
        if (setting == null || setting.isBlank()) {
            return Files.isDirectory(OfficeConverter.DEFAULT_WORK_DIR) ? Optional.of(OfficeConverter.DEFAULT_WORK_DIR) : Optional.empty();
        }
        return Optional.of(Path.of(setting.strip()));
    }

    static Path vaultDir(MamoriProperties properties) {
        return properties.dataDir().toAbsolutePath().normalize().resolve("vault");
    }
}
