package dev.mamori.vault.internal.marking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts Word, Excel and PowerPoint files with LibreOffice headless: a marked copy into a PDF, so the document
 * viewer can show it as page images like any PDF (the visible mark is part of the copy, the page images get the
 * fingerprint from {@link PageImages}); a legacy file (.doc, .xls, .ppt) into its OOXML successor (.docx, .xlsx,
 * .pptx), so that it can be marked like one, or into a PDF for the viewer.
 * <p>
 * The file is plaintext, so every conversion works in a fresh directory of its own (owner-only, {@code 700}) below
 * a working directory that is memory-backed ({@code tmpfs}, e.g. {@code /dev/shm}) unless the operator opted in to
 * a directory on disk: the file, what LibreOffice made of it, LibreOffice's profile ({@code -env:UserInstallation}, fresh each time, so
 * no recent-documents list or thumbnail outlives the conversion) and its temporary files ({@code TMPDIR}) all live
 * there, and the whole directory is deleted when the conversion ends — also when it failed or ran out of time, after
 * every LibreOffice process it started has been killed and has exited. At most {@code conversions} run at once
 * (each LibreOffice process is a few hundred megabytes); a caller first takes a {@link Slot}.
 */
public final class OfficeConverter implements AutoCloseable {

    /** Where Debian and Ubuntu install LibreOffice. */
    public static final Path DEFAULT_PROGRAM = Path.of("/usr/bin/soffice");
    /** Linux's shared-memory file system: a {@code tmpfs} on every distribution. */
    public static final Path DEFAULT_WORK_DIR = Path.of("/dev/shm");

    private static final Logger log = LoggerFactory.getLogger(OfficeConverter.class);
    private static final Set<String> MEMORY_FILE_SYSTEMS = Set.of("tmpfs", "ramfs");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    /** How long killed LibreOffice processes get to go away before their directory is deleted anyway. */
    private static final long EXIT_WAIT_SECONDS = 10;
    private static final int LOG_TAIL = 600;
    /** The name every conversion's directory starts with. */
    static final String DIR_PREFIX = "mamori-office-";

    private final Path program;
    private final Path workDir;
    private final Duration timeout;
    private final Semaphore slots;
    private final Map<Path, Process> running = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param program       LibreOffice's {@code soffice}
     * @param workDir       the directory conversions work in (each in a new directory of its own)
     * @param workDirOnDisk the operator's consent to a {@code workDir} that is not memory-backed
     * @param timeout       the longest a conversion may run, and the longest a caller waits for a slot
     * @param conversions   how many conversions may run at the same time
     * @throws IllegalArgumentException when {@code workDir} is not a writable directory, or is not memory-backed and
     *                                  the operator did not consent to that
     */
    public OfficeConverter(Path program, Path workDir, boolean workDirOnDisk, Duration timeout, int conversions) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the conversion timeout must be positive: " + timeout);
        }
        if (conversions < 1) {
            throw new IllegalArgumentException("at least one conversion must be allowed: " + conversions);
        }
        Path dir = workDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new IllegalArgumentException("the conversions' working directory is not a writable directory: " + dir);
        }
        if (!workDirOnDisk && !memoryBacked(dir)) {
            throw new IllegalArgumentException("the conversions' working directory " + dir + " is not memory-backed (tmpfs),"
                    + " so decrypted copies would be written to disk; choose one that is, or consent to it explicitly");
        }
        this.program = program;
        this.workDir = dir;
        this.timeout = timeout;
        this.slots = new Semaphore(conversions, true);
        removeLeftovers();
    }

    /**
     * Deletes the conversion directories a Mamori that was killed mid-conversion left behind: those older than twice
     * the timeout and a minute (no conversion of a running Mamori, this one or another sharing the directory, is
     * that old; each ends or is killed at the timeout).
     */
    private void removeLeftovers() {
        java.time.Instant before = java.time.Instant.now().minus(timeout.multipliedBy(2)).minusSeconds(60);
        try (Stream<Path> dirs = Files.list(workDir)) {
            for (Path d : dirs.filter(d -> d.getFileName().toString().startsWith(DIR_PREFIX) && Files.isDirectory(d)).toList()) {
                try {
                    if (Files.getLastModifiedTime(d).toInstant().isBefore(before)) {
                        log.warn("Deleting {}: a document conversion's directory left by a Mamori that stopped during it", d);
                        delete(d);
                    }
                } catch (IOException e) {
                    log.warn("cannot look at {}: {}", d, e.toString());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("cannot look for leftover document conversions in {}: {}", workDir, e.toString());
        }
    }

    /** Whether files written in the directory stay in memory (a {@code tmpfs} or {@code ramfs}). */
    public static boolean memoryBacked(Path dir) {
        try {
            return MEMORY_FILE_SYSTEMS.contains(Files.getFileStore(dir).type());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether LibreOffice is asked to make the one format of the other: a PDF of a Word, Excel or PowerPoint file
     * (OOXML or legacy), and the OOXML successor of a legacy one ({@link FileFormat#successor()}).
     */
    public static boolean converts(FileFormat from, FileFormat to) {
        return switch (from) {
            case DOCX, XLSX, PPTX -> to == FileFormat.PDF;
            case DOC, XLS, PPT -> to == FileFormat.PDF || to == from.successor();
            default -> false;
        };
    }

    /**
     * The argument of {@code --convert-to}: the extension and, where LibreOffice would otherwise pick by the
     * document, the export filter (Word, Excel and PowerPoint 2007 and later, ECMA-376).
     */
    static String target(FileFormat to) {
        return switch (to) {
            case PDF -> "pdf";
            case DOCX -> "docx:MS Word 2007 XML";
            case XLSX -> "xlsx:Calc MS Excel 2007 XML";
            case PPTX -> "pptx:Impress MS PowerPoint 2007 XML";
            default -> throw new IllegalArgumentException("LibreOffice does not make " + to + " here");
        };
    }

    public Path program() {
        return program;
    }

    public Path workDir() {
        return workDir;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * A turn at LibreOffice, waited for at most the timeout. The slot is returned by {@link Slot#close()}; a slot
     * that could not be had (all busy for that long, or the wait interrupted) refuses to convert.
     */
    public Slot slot() {
        boolean held;
        try {
            held = !closed && slots.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            held = false;
        }
        return new Slot(held);
    }

    /** Takes a slot, converts and gives the slot back. */
    public byte[] convert(byte[] office, FileFormat from, FileFormat to) throws ConversionFailed {
        try (Slot slot = slot()) {
            return slot.convert(office, from, to);
        }
    }

    /** Stops every conversion still running (each cleans up after itself); no new ones start. */
    @Override
    public void close() {
        closed = true;
        running.forEach((dir, process) -> stop(process, dir));
    }

    /** One caller's turn at LibreOffice, from {@link #slot()}. Not for use by several threads. */
    public final class Slot implements AutoCloseable {

        private boolean held;

        private Slot(boolean held) {
            this.held = held;
        }

        /** What LibreOffice makes of the file ({@code from}) in the format {@code to}. */
        public byte[] convert(byte[] office, FileFormat from, FileFormat to) throws ConversionFailed {
            if (!converts(from, to)) {
                throw new IllegalArgumentException("LibreOffice does not convert " + from + " to " + to + " here");
            }
            if (!held) {
                throw new ConversionFailed("no LibreOffice was free within " + timeout);
            }
            return OfficeConverter.this.run(office, from, to);
        }

        @Override
        public void close() {
            if (held) {
                held = false;
                slots.release();
            }
        }
    }

    /** Why a file could not be converted. */
    public static final class ConversionFailed extends Exception {
        public ConversionFailed(String message) {
            super(message);
        }

        ConversionFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private byte[] run(byte[] office, FileFormat from, FileFormat to) throws ConversionFailed {
        if (closed) {
            throw new ConversionFailed("the converter is shut down");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory(workDir, DIR_PREFIX, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (IOException | UnsupportedOperationException e) {
            throw new ConversionFailed("cannot make a private directory in " + workDir, e);
        }
        Process process = null;
        try {
            // neutral names: nothing of the document's name reaches LibreOffice's logs or the process list
            Path source = dir.resolve("copy." + from.extension());
            Files.write(source, office, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Path out = Files.createDirectory(dir.resolve("out"));
            Path tmp = Files.createDirectory(dir.resolve("tmp"));
            Path logFile = dir.resolve("soffice.log");
            ProcessBuilder builder = new ProcessBuilder(program.toString(), "--headless", "--norestore", "--nolockcheck",
                    "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to", target(to),
                    "--outdir", out.toString(), source.toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            for (String name : List.of("TMPDIR", "TMP", "TEMP")) {
                builder.environment().put(name, tmp.toString());
            }
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new ConversionFailed("cannot start " + program + ": " + e.getMessage(), e);
            }
            running.put(dir, process);
            process.getOutputStream().close(); // nothing to read on its standard input
            boolean finished;
            try {
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConversionFailed("interrupted while LibreOffice converted", e);
            }
            if (!finished) {
                throw new ConversionFailed("LibreOffice did not finish within " + timeout);
            }
            Path made = out.resolve("copy." + to.extension());
            if (process.exitValue() != 0 || !Files.isRegularFile(made)) {
                throw new ConversionFailed("LibreOffice made no " + to + " (exit " + process.exitValue() + "): " + tail(logFile));
            }
            byte[] bytes = Files.readAllBytes(made);
            if (FileFormat.of(bytes) != to) {
                throw new ConversionFailed("LibreOffice's output is not a " + to);
            }
            return bytes;
        } catch (IOException e) {
            throw new ConversionFailed("cannot convert in " + dir + ": " + e.getMessage(), e);
        } finally {
            if (process != null) {
                stop(process, dir);
                running.remove(dir);
            }
            delete(dir);
        }
    }

    /**
     * Kills what is left of a conversion and waits until it is gone, so nothing writes into its directory after it
     * was deleted: the process, its descendants, and any LibreOffice process the others left behind (found by the
     * conversion's directory on its command line, as a child reparented to init is no longer a descendant).
     */
    private static void stop(Process process, Path dir) {
        List<ProcessHandle> kill = new ArrayList<>();
        kill.add(process.toHandle());
        process.descendants().forEach(kill::add);
        String marker = dir + java.io.File.separator;
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(false)).forEach(kill::add);
        }
        for (ProcessHandle h : kill) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        for (ProcessHandle h : kill) {
            try {
                h.onExit().get(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("LibreOffice process {} did not exit after it was killed", h.pid());
            }
        }
    }

    /** Deletes the conversion's directory and everything in it; what cannot be deleted is named in the log. */
    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.error("cannot delete {} of a document conversion: {}", p, e.toString());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            log.error("cannot delete the document conversion directory {}: {}", dir, e.toString());
        }
    }

    private static String tail(Path logFile) {
        try {
            String text = Files.readString(logFile, StandardCharsets.UTF_8).strip();
            return text.length() <= LOG_TAIL ? text : "…" + text.substring(text.length() - LOG_TAIL);
        } catch (IOException | UncheckedIOException e) {
            return "(no log)";
        }
    }
}
