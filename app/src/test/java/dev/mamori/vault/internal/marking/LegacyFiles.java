package dev.mamori.vault.internal.marking;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.LittleEndian;

/**
 * Legacy Word, Excel and PowerPoint files (.doc, .xls, .ppt) for the tests, made at test time as an office would
 * have them: LibreOffice saves a {@link SampleFiles} DOCX, XLSX or PPTX in the 97–2003 format (Word 97, Excel 97,
 * PowerPoint 97 filters). Made once per title and body, then kept for the test JVM. Also password-protected ones.
 */
public final class LegacyFiles {

    private static final Map<String, byte[]> made = new ConcurrentHashMap<>();

    private LegacyFiles() {
    }

    /** A legacy file of the format (DOC, XLS or PPT) with the title and body. */
    public static byte[] of(FileFormat format, String title, String body) {
        return made.computeIfAbsent(format + "\u0000" + title + "\u0000" + body, k -> {
            byte[] ooxml = switch (format) {
                case DOC -> SampleFiles.docx(title, body);
                case XLS -> SampleFiles.xlsx(title, body);
                case PPT -> SampleFiles.pptx(title, body);
                default -> throw new IllegalArgumentException(format.name());
            };
            return saveAs(ooxml, format.successor(), format);
        }).clone();
    }

    /** The file LibreOffice saves in the legacy format. */
    static byte[] saveAs(byte[] ooxml, FileFormat from, FileFormat to) {
        String filter = switch (to) {
            case DOC -> "doc:MS Word 97";
            case XLS -> "xls:MS Excel 97";
            case PPT -> "ppt:MS PowerPoint 97";
            default -> throw new IllegalArgumentException(to.name());
        };
        Path dir = null;
        try {
            dir = Files.createTempDirectory(OfficeConverter.memoryBacked(OfficeConverter.DEFAULT_WORK_DIR)
                    ? OfficeConverter.DEFAULT_WORK_DIR : Path.of(System.getProperty("java.io.tmpdir")), "mamori-legacy-fixture-");
            Path source = dir.resolve("sample." + from.extension());
            Files.write(source, ooxml);
            Process p = new ProcessBuilder(List.of(OfficeConverter.DEFAULT_PROGRAM.toString(), "--headless", "--norestore",
                    "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to", filter,
                    "--outdir", dir.resolve("out").toString(), source.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("LibreOffice did not make the " + to + " fixture in time");
            }
            Path out = dir.resolve("out").resolve("sample." + to.extension());
            if (!Files.isRegularFile(out)) {
                throw new IllegalStateException("LibreOffice made no " + to + ": " + Files.readString(dir.resolve("soffice.log")));
            }
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    // a test fixture's directory: left for the OS
                }
            }
        }
    }

    /** An .xls encrypted with a password (RC4 CryptoAPI, as Excel 2003 and later encrypt by default), by POI's HSSF. */
    public static byte[] encryptedXls() {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("原価").createRow(0).createCell(0).setCellValue("暗号化した表");
            Biff8EncryptionKey.setCurrentUserPassword("secret");
            try {
                wb.write(out);
            } finally {
                Biff8EncryptionKey.setCurrentUserPassword(null);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The .doc with its file information block saying it is encrypted ([MS-DOC] FibBase.fEncrypted), as Word's is. */
    public static byte[] encryptedDoc(byte[] doc) {
        return rewrite(doc, "WordDocument", stream -> LittleEndian.putUShort(stream, 10, LittleEndian.getUShort(stream, 10) | 0x0100));
    }

    /** The .ppt with its Current User stream carrying the encrypted header token ([MS-PPT] CurrentUserAtom), as PowerPoint's does. */
    public static byte[] encryptedPpt(byte[] ppt) {
        return rewrite(ppt, "Current User", stream -> LittleEndian.putUInt(stream, 12, 0xF3D1C4DFL));
    }

    private static byte[] rewrite(byte[] file, String name, java.util.function.Consumer<byte[]> change) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(file)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            DirectoryNode root = fs.getRoot();
            byte[] stream;
            try (var in = root.createDocumentInputStream(name)) {
                stream = in.readAllBytes();
            }
            change.accept(stream);
            root.createOrUpdateDocument(name, new ByteArrayInputStream(stream));
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An OLE2 compound file with a {@code WordDocument} stream that is no Word document (zeros). */
    public static byte[] corruptDoc() {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.getRoot().createDocument("WordDocument", new ByteArrayInputStream(new byte[4096]));
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
