package dev.mamori.vault.internal.marking;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The formats the vault can mark, told by their content (not by the name or the type the uploader claimed). */
public enum FileFormat {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
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

    public boolean markable() {
        return this != OTHER;
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
        return OTHER;
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
