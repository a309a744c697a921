package dev.mamori.vault.internal.marking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * LibreOffice turns each marked Office copy into a PDF that shows the mark, and each legacy file into its OOXML
 * successor (which is then marked like one) or a PDF; a conversion leaves nothing in its working directory — after it succeeded, failed, ran out of time or could not start. A working directory on disk
 * takes the operator's consent.
 */
class OfficeConverterTests {

    static final String LINE = "極秘（アクセス権者限り）　交付先 山田 太郎（社員番号 E0042）　2026-11-27 14:05　No.7";

    Path work;

    @BeforeEach
    void workDir() throws IOException {
        assumeTrue(Files.isExecutable(OfficeConverter.DEFAULT_PROGRAM) || System.getenv("CI") != null,
                "LibreOffice (soffice) is not installed (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui"
                        + " libreoffice-impress-nogui); runs always under CI");
        work = Files.createTempDirectory(OfficeConverter.memoryBacked(OfficeConverter.DEFAULT_WORK_DIR)
                ? OfficeConverter.DEFAULT_WORK_DIR : Path.of(System.getProperty("java.io.tmpdir")), "mamori-office-test-");
    }

    @AfterEach
    void removeWorkDir() throws IOException {
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    OfficeConverter converter(Path program, Duration timeout) {
        return new OfficeConverter(program, work, !OfficeConverter.memoryBacked(work), timeout, 1);
    }

    List<Path> leftIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    /** LibreOffice processes still running that were started for a conversion in the working directory. */
    List<ProcessHandle> leftRunning() {
        String dir = work.toString();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(h -> h.isAlive() && h.info().commandLine().map(c -> c.contains(dir)).orElse(false)).toList();
        }
    }

    static byte[] original(FileFormat format) {
        return switch (format) {
            case DOCX -> SampleFiles.docx("新製品の原価計算", "本文です。");
            case XLSX -> SampleFiles.xlsx("新製品の原価計算", "本文です。");
            case PPTX -> SampleFiles.pptx("新製品の原価計算", "本文です。");
            default -> throw new IllegalArgumentException(format.name());
        };
    }

    @ParameterizedTest
    @EnumSource(value = FileFormat.class, names = {"DOCX", "XLSX", "PPTX"})
    void aMarkedOfficeCopyBecomesAPdfShowingTheMarkAndNothingIsLeftBehind(FileFormat format) throws Exception {
        Markers markers = new Markers(MarkFont.locate(null));
        byte[] marked = markers.mark(original(format), new Mark(LINE, "No.7", Fingerprints.newFingerprint()));
        try (OfficeConverter converter = converter(OfficeConverter.DEFAULT_PROGRAM, Duration.ofSeconds(120))) {
            byte[] pdf = converter.convert(marked, format, FileFormat.PDF);
            assertThat(FileFormat.of(pdf)).isEqualTo(FileFormat.PDF);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                assertThat(doc.getNumberOfPages()).isPositive();
                assertThat(new PDFTextStripper().getText(doc)).contains("本文です。").contains("E0042").contains("No.7");
            }
        }
        assertThat(leftIn(work)).isEmpty();
        assertThat(leftRunning()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = FileFormat.class, names = {"DOC", "XLS", "PPT"})
    void aLegacyFileBecomesItsOoxmlSuccessorThatIsMarkedLikeOneAndNothingIsLeftBehind(FileFormat format) throws Exception {
        byte[] legacy = LegacyFiles.of(format, "新製品の原価計算", "本文です。");
        Markers markers = new Markers(MarkFont.locate(null));
        Mark mark = new Mark(LINE, "No.7", Fingerprints.newFingerprint());
        try (OfficeConverter converter = converter(OfficeConverter.DEFAULT_PROGRAM, Duration.ofSeconds(120))) {
            byte[] ooxml = converter.convert(legacy, format, format.successor());
            assertThat(FileFormat.of(ooxml)).isEqualTo(format.successor());
            byte[] marked = markers.mark(ooxml, mark);
            assertThat(Markers.fingerprintsOf(marked)).containsExactly(mark.fingerprint());
            // and LibreOffice reads the legacy file directly for the viewer
            try (PDDocument doc = Loader.loadPDF(converter.convert(legacy, format, FileFormat.PDF))) {
                assertThat(new PDFTextStripper().getText(doc)).contains("本文です。");
            }
        }
        assertThat(leftIn(work)).isEmpty();
        assertThat(leftRunning()).isEmpty();
    }

    @Test
    void aLegacyFileIsConvertedWithTheOoxmlExportFilterAndOnlyToItsSuccessorOrAPdf() throws Exception {
        Path seen = Files.createTempFile("mamori-office-seen-", ".txt");
        Path program = Files.createTempFile("mamori-fake-soffice-", ".sh");
        try {
            Files.writeString(program, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done > '" + seen + "'\nexit 3\n");
            Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
            try (OfficeConverter converter = converter(program, Duration.ofSeconds(30))) {
                assertThatThrownBy(() -> converter.convert(new byte[] {1}, FileFormat.XLS, FileFormat.XLSX))
                        .isInstanceOf(OfficeConverter.ConversionFailed.class).hasMessageContaining("made no XLSX");
                assertThat(Files.readAllLines(seen)).containsSubsequence("--convert-to", "xlsx:Calc MS Excel 2007 XML")
                        .last().asString().endsWith("/copy.xls");
                assertThatThrownBy(() -> converter.convert(new byte[] {1}, FileFormat.DOC, FileFormat.XLSX))
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> converter.convert(new byte[] {1}, FileFormat.DOCX, FileFormat.DOC))
                        .isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(OfficeConverter.target(FileFormat.DOCX)).isEqualTo("docx:MS Word 2007 XML");
            assertThat(OfficeConverter.target(FileFormat.PPTX)).isEqualTo("pptx:Impress MS PowerPoint 2007 XML");
            assertThat(leftIn(work)).isEmpty();
        } finally {
            Files.deleteIfExists(seen);
            Files.deleteIfExists(program);
        }
    }

    @Test
    void aCorruptLegacyFileFailsAndNothingIsLeftBehind() throws Exception {
        try (OfficeConverter converter = converter(OfficeConverter.DEFAULT_PROGRAM, Duration.ofSeconds(120))) {
            assertThatThrownBy(() -> converter.convert(LegacyFiles.corruptDoc(), FileFormat.DOC, FileFormat.DOCX))
                    .isInstanceOf(OfficeConverter.ConversionFailed.class);
        }
        assertThat(leftIn(work)).isEmpty();
        assertThat(leftRunning()).isEmpty();
    }

    @Test
    void aCorruptFileFailsAndNothingIsLeftBehind() throws Exception {
        byte[] corrupt = "PK\u0003\u0004 not a package".getBytes(StandardCharsets.ISO_8859_1);
        try (OfficeConverter converter = converter(OfficeConverter.DEFAULT_PROGRAM, Duration.ofSeconds(120))) {
            assertThatThrownBy(() -> converter.convert(corrupt, FileFormat.DOCX, FileFormat.PDF))
                    .isInstanceOf(OfficeConverter.ConversionFailed.class).hasMessageContaining("no PDF");
        }
        assertThat(leftIn(work)).isEmpty();
        assertThat(leftRunning()).isEmpty();
    }

    @Test
    void aConversionOutOfTimeIsKilledWithItsProcessesAndNothingIsLeftBehind() throws Exception {
        byte[] docx = original(FileFormat.DOCX);
        try (OfficeConverter converter = converter(OfficeConverter.DEFAULT_PROGRAM, Duration.ofMillis(1))) {
            assertThatThrownBy(() -> converter.convert(docx, FileFormat.DOCX, FileFormat.PDF))
                    .isInstanceOf(OfficeConverter.ConversionFailed.class).hasMessageContaining("did not finish");
        }
        assertThat(leftRunning()).isEmpty();
        assertThat(leftIn(work)).isEmpty();
    }

    @Test
    void aMissingProgramFailsAndNothingIsLeftBehind() throws Exception {
        try (OfficeConverter converter = converter(work.resolve("no-such-soffice"), Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> converter.convert(original(FileFormat.XLSX), FileFormat.XLSX, FileFormat.PDF))
                    .isInstanceOf(OfficeConverter.ConversionFailed.class).hasMessageContaining("cannot start");
        }
        assertThat(leftIn(work)).isEmpty();
    }

    @Test
    void theConversionRunsInAnOwnerOnlyDirectoryWithItsOwnProfileAndTemporaryFiles() throws Exception {
        // a stand-in for soffice that writes down where it was started, then fails
        Path seen = Files.createTempFile("mamori-office-seen-", ".txt");
        Path program = Files.createTempFile("mamori-fake-soffice-", ".sh");
        try {
            Files.writeString(program, "#!/bin/sh\n{ stat -c %a \"$PWD\"; echo \"$PWD\"; echo \"$TMPDIR\"; echo \"$@\"; } > '"
                    + seen + "'\nexit 3\n");
            Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
            try (OfficeConverter converter = converter(program, Duration.ofSeconds(30))) {
                assertThatThrownBy(() -> converter.convert(original(FileFormat.DOCX), FileFormat.DOCX, FileFormat.PDF))
                        .isInstanceOf(OfficeConverter.ConversionFailed.class).hasMessageContaining("exit 3");
            }
            List<String> lines = Files.readAllLines(seen);
            assertThat(lines.get(0)).isEqualTo("700");
            Path dir = Path.of(lines.get(1));
            assertThat(dir.getParent()).isEqualTo(work.toAbsolutePath().normalize());
            assertThat(lines.get(2)).isEqualTo(dir.resolve("tmp").toString());
            assertThat(lines.get(3)).startsWith("--headless --norestore --nolockcheck -env:UserInstallation=file://" + dir + "/profile")
                    .contains("--convert-to pdf --outdir " + dir.resolve("out"))
                    .endsWith(dir.resolve("copy.docx").toString());
            assertThat(leftIn(work)).isEmpty();
        } finally {
            Files.deleteIfExists(seen);
            Files.deleteIfExists(program);
        }
    }

    @Test
    void aSecondConversionWaitsForTheOnlySlotAndGivesUpAfterTheTimeout() throws Exception {
        try (OfficeConverter converter = converter(OfficeConverter.DEFAULT_PROGRAM, Duration.ofMillis(50));
             OfficeConverter.Slot first = converter.slot()) {
            assertThatThrownBy(() -> converter.convert(original(FileFormat.DOCX), FileFormat.DOCX, FileFormat.PDF))
                    .isInstanceOf(OfficeConverter.ConversionFailed.class).hasMessageContaining("no LibreOffice was free");
        }
        assertThat(leftIn(work)).isEmpty();
    }

    @Test
    void aWorkingDirectoryOnDiskTakesConsent() throws IOException {
        Path disk = Files.createTempDirectory(Path.of("target"), "office-work-");
        try {
            assumeFalse(OfficeConverter.memoryBacked(disk), "target/ is memory-backed here");
            assertThatThrownBy(() -> new OfficeConverter(OfficeConverter.DEFAULT_PROGRAM, disk, false, Duration.ofSeconds(60), 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not memory-backed");
            new OfficeConverter(OfficeConverter.DEFAULT_PROGRAM, disk, true, Duration.ofSeconds(60), 1).close();
        } finally {
            Files.delete(disk);
        }
    }

    @Test
    void devShmIsMemoryBacked() {
        assumeTrue(Files.isDirectory(OfficeConverter.DEFAULT_WORK_DIR), "no /dev/shm");
        assertThat(OfficeConverter.memoryBacked(OfficeConverter.DEFAULT_WORK_DIR)).isTrue();
    }

    @Test
    void aConversionDirectoryLeftByAStoppedMamoriIsDeletedAtStartAndARecentOneIsKept() throws IOException {
        Path old = Files.createDirectory(work.resolve(OfficeConverter.DIR_PREFIX + "killed"));
        Files.writeString(old.resolve("copy.docx"), "plaintext left behind");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(Duration.ofHours(1))));
        Path recent = Files.createDirectory(work.resolve(OfficeConverter.DIR_PREFIX + "running"));
        Path unrelated = Files.createDirectory(work.resolve("someone-else"));
        Files.setLastModifiedTime(unrelated, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(Duration.ofHours(1))));

        converter(OfficeConverter.DEFAULT_PROGRAM, Duration.ofSeconds(60));

        assertThat(old).doesNotExist();
        assertThat(recent).isDirectory();
        assertThat(unrelated).isDirectory();
    }
}
