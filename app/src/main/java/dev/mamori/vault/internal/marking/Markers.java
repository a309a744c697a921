package dev.mamori.vault.internal.marking;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.LittleEndian;

/**
 * Marks a copy for its recipient and finds the fingerprint in a file again. Thread-safe; holds the font once.
 */
public final class Markers {

    private final PdfMarker pdf;
    private final OoxmlMarker ooxml;
    private final ImageMarker image;
    private final MarkFont font;

    public Markers(MarkFont font) {
        this(font, Watermark.DEFAULT);
    }

    public Markers(MarkFont font, Watermark watermark) {
        this.pdf = new PdfMarker(font, watermark);
        this.ooxml = new OoxmlMarker(watermark);
        this.image = new ImageMarker(font, watermark);
        this.font = font;
    }

    public MarkFont font() {
        return font;
    }

    /**
     * The marked copy; an unmarkable format ({@link FileFormat#OTHER}) comes back unchanged.
     *
     * @throws IllegalArgumentException for a legacy Office file: it is marked as its OOXML successor once LibreOffice
     *                                  converted it ({@link OfficeConverter}), never as it is
     */
    public byte[] mark(byte[] original, Mark mark) {
        FileFormat format = FileFormat.of(original);
        return switch (format) {
            case PDF -> pdf.mark(original, mark);
            case DOCX, XLSX, PPTX -> ooxml.mark(original, format, mark);
            case PNG, JPEG -> image.mark(original, format, mark);
            case DOC, XLS, PPT -> throw new IllegalArgumentException("a " + format + " file is marked as its "
                    + format.successor() + " conversion, not as it is");
            case OTHER -> original;
        };
    }

    /**
     * The PDF LibreOffice made of a marked copy in {@code copyFormat}, for the viewer's pages: with the
     * {@link Watermark} drawn over them where the copy could not carry it itself (an Excel sheet has no page
     * background; Word and PowerPoint copies carry their own), otherwise as it is; as it is for an unmarked copy.
     */
    public byte[] viewerPdf(byte[] pdf, FileFormat copyFormat, Mark mark) {
        return copyFormat == FileFormat.XLSX && mark != null ? this.pdf.watermarkOnly(pdf, mark) : pdf;
    }

    /**
     * Why the file could not be marked, if it could not: the marking is tried once in memory (the same work every
     * copy of the file will take, so a file that passes here is handed out marked later). A file the vault does
     * not mark ({@link FileFormat#OTHER}) passes, unless it is an encrypted Word, Excel or PowerPoint file. A legacy
     * Office file (.doc, .xls, .ppt) is refused here only when it is encrypted; whether its conversion can be
     * marked takes LibreOffice, so that is the caller's to try.
     */
    public Optional<Unmarkable> problem(byte[] file) {
        FileFormat format = FileFormat.of(file);
        if (format == FileFormat.OTHER || format.legacy()) {
            return encryptedOffice(file) ? Optional.of(Unmarkable.ENCRYPTED_OFFICE) : Optional.empty();
        }
        try {
            mark(file, new Mark(PROBE_LINE, "No.0", Fingerprints.newFingerprint()));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(switch (format) {
                case PDF -> causedBy(e, InvalidPasswordException.class) ? Unmarkable.PDF_PASSWORD : Unmarkable.PDF_UNREADABLE;
                case DOCX, XLSX, PPTX -> Unmarkable.OFFICE_UNREADABLE;
                default -> Unmarkable.IMAGE_UNREADABLE;
            });
        }
    }

    private static final String PROBE_LINE = "極秘（検査）　交付先 検査 太郎（社員番号 E0000）　2026-01-01 00:00　No.0";

    /**
     * Whether the Office file opens only with a password. An OOXML file encrypted with one is not a ZIP package but
     * an OLE2 compound file ({@link FileFormat#encryptedPackage}). A legacy file keeps its streams and says so inside them: Word in its
     * file information block ([MS-DOC] {@code FibBase.fEncrypted}, RC4 and XOR obfuscation alike), Excel by a
     * {@code FILEPASS} record that its default password ({@code VelvetSweatshop}, which Excel uses for write
     * protection) does not open (POI's HSSF tries it), PowerPoint by an {@code EncryptedSummary} stream or the
     * encrypted header token of its {@code Current User} stream ([MS-PPT] {@code CurrentUserAtom}).
     */
    static boolean encryptedOffice(byte[] file) {
        if (!FileFormat.compoundFile(file)) {
            return false;
        }
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(file))) {
            DirectoryNode root = fs.getRoot();
            if (FileFormat.encryptedPackage(root)) {
                return true;
            }
            return switch (FileFormat.of(root)) {
                case DOC -> (LittleEndian.getUShort(head(root, "WordDocument", 12), 10) & FIB_ENCRYPTED) != 0;
                case XLS -> excelEncrypted(root);
                case PPT -> root.hasEntryCaseInsensitive("EncryptedSummary")
                        || LittleEndian.getUInt(head(root, "Current User", 16), 12) == PPT_ENCRYPTED_TOKEN;
                default -> false;
            };
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** [MS-DOC] FibBase: the flags at offset 10, {@code fEncrypted} among them. */
    private static final int FIB_ENCRYPTED = 0x0100;
    /** [MS-PPT] CurrentUserAtom.headerToken of an encrypted presentation. */
    private static final long PPT_ENCRYPTED_TOKEN = 0xF3D1C4DFL;

    /** The first bytes of a stream at the root (fewer if it is shorter). */
    private static byte[] head(DirectoryNode root, String name, int length) throws IOException {
        try (InputStream in = root.createDocumentInputStream(root.getEntryCaseInsensitive(name))) {
            return java.util.Arrays.copyOf(in.readNBytes(length), length);
        }
    }

    private static boolean excelEncrypted(DirectoryNode root) {
        try (HSSFWorkbook workbook = new HSSFWorkbook(root, false)) {
            return false;
        } catch (EncryptedDocumentException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // not readable by POI (an Excel 5/95 file, …): the conversion decides
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every fingerprint a file carries, looked for wherever its format keeps one. More than one when the file was
     * built on an earlier marked copy (uploaded again as a new version) and then marked for someone else.
     */
    public List<String> identify(byte[] file) {
        return fingerprintsOf(file);
    }

    /** The same without a font: what the command line uses. */
    public static List<String> fingerprintsOf(byte[] file) {
        FileFormat format = FileFormat.of(file);
        return switch (format) {
            case PDF -> PdfMarker.fingerprints(file);
            case DOCX, XLSX, PPTX -> OoxmlMarker.fingerprints(file);
            case PNG, JPEG -> ImageMarker.fingerprints(file, format);
            case DOC, XLS, PPT, OTHER -> other(file);
        };
    }

    /**
     * Any other file (a legacy Word, Excel or PowerPoint file among them: a copy saved again in the old format keeps
     * the fingerprint in its properties or its hidden text): fingerprints in its text, and in its pixels when it is a BMP, GIF or TIFF (a page image or a
     * screenshot saved in another format ImageIO reads; told by their signatures, so that no other file is taken for
     * an image without one, as WBMP would be).
     */
    private static List<String> other(byte[] file) {
        java.util.Set<String> found = new java.util.LinkedHashSet<>(
                Fingerprints.findAll(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1)));
        // text kept as UTF-16 (Word's and PowerPoint's text and properties, a text file saved as "Unicode"), at
        // either byte alignment
        found.addAll(Fingerprints.findAll(new String(file, java.nio.charset.StandardCharsets.UTF_16LE)));
        if (file.length > 1) {
            found.addAll(Fingerprints.findAll(new String(file, 1, file.length - 1, java.nio.charset.StandardCharsets.UTF_16LE)));
        }
        if (FileFormat.startsWith(file, 'B', 'M') || FileFormat.startsWith(file, 'G', 'I', 'F', '8')
                || FileFormat.startsWith(file, 'I', 'I', '*', 0) || FileFormat.startsWith(file, 'M', 'M', 0, '*')) {
            found.addAll(ImageMarker.pixelFingerprints(file));
        }
        return List.copyOf(found);
    }
}
