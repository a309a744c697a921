package dev.mamori.vault.internal.marking;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** The formats the vault can mark, told by their content (not by the name or the type the uploader claimed). */
public enum FileFormat {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    /**
     * Legacy Word, Excel and PowerPoint files (97–2003, OLE2 compound files): not marked as they are, but converted
     * to their {@link #successor()} by LibreOffice for every copy, which is marked as that.
     */
    DOC("application/msword", "doc"),
    XLS("application/vnd.ms-excel", "xls"),
    PPT("application/vnd.ms-powerpoint", "ppt"),
    /** Any other file: stored and handed out, but not marked (the copy record is still kept). */
    OTHER("application/octet-stream", "");

    private final String contentType;
    private final String extension;

    FileFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** Whether copies of the format carry a mark (a legacy Office file's once converted to its successor). */
    public boolean markable() {
        return this != OTHER;
    }

    /** A legacy Word, Excel or PowerPoint file (.doc, .xls, .ppt). */
    public boolean legacy() {
        return this == DOC || this == XLS || this == PPT;
    }

    /** The OOXML format a legacy Office file is converted to (.doc to .docx, …); any other format is its own. */
    public FileFormat successor() {
        return switch (this) {
            case DOC -> DOCX;
            case XLS -> XLSX;
            case PPT -> PPTX;
            default -> this;
        };
    }

    public static FileFormat of(byte[] b) {
        if (startsWith(b, '%', 'P', 'D', 'F')) {
            return PDF;
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && startsWith(b, 0x89, 'P', 'N', 'G')) {
            return PNG;
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return JPEG;
        }
        if (startsWith(b, 'P', 'K', 3, 4)) {
            return ooxml(b);
        }
        if (compoundFile(b)) {
            return compound(b);
        }
        return OTHER;
    }

    /** Whether the file is an OLE2 compound file (its signature). */
    static boolean compoundFile(byte[] b) {
        return startsWith(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
    }

    private static FileFormat compound(byte[] b) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(b))) {
            return of(fs.getRoot());
        } catch (IOException | RuntimeException e) {
            return OTHER;
        }
    }

    /**
     * An OLE2 compound file, told by the streams at its root: Word's {@code WordDocument}, Excel's {@code Workbook}
     * (or Excel 5/95's {@code Book}), PowerPoint's {@code PowerPoint Document}. An OOXML file encrypted with a
     * password is an OLE2 file too ({@link #encryptedPackage}): that stays {@link #OTHER} (and is refused at upload,
     * {@link Unmarkable#ENCRYPTED_OFFICE}); so does any other compound file.
     */
    static FileFormat of(DirectoryNode root) {
        if (encryptedPackage(root)) {
            return OTHER;
        }
        if (root.hasEntryCaseInsensitive("WordDocument")) {
            return DOC;
        }
        if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
            return XLS;
        }
        if (root.hasEntryCaseInsensitive("PowerPoint Document")) {
            return PPT;
        }
        return OTHER;
    }

    /**
     * Whether the compound file holds an OOXML package encrypted with a password: the streams {@code EncryptionInfo}
     * and {@code EncryptedPackage} (ECMA-376 part 2, standard and agile encryption alike).
     */
    static boolean encryptedPackage(DirectoryNode root) {
        return root.hasEntryCaseInsensitive("EncryptionInfo") || root.hasEntryCaseInsensitive("EncryptedPackage");
    }

    private static FileFormat ooxml(byte[] b) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (name.startsWith("word/")) {
                    return DOCX;
                }
                if (name.startsWith("xl/")) {
                    return XLSX;
                }
                if (name.startsWith("ppt/")) {
                    return PPTX;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return OTHER;
        }
        return OTHER;
    }

    /** Whether the file begins with these bytes (its signature). */
    static boolean startsWith(byte[] b, int... head) {
        if (b.length < head.length) {
            return false;
        }
        for (int i = 0; i < head.length; i++) {
            if ((b[i] & 0xff) != (head[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }
}
