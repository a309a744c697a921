package dev.mamori.vault;

import java.time.Instant;

/**
 * One stored version of a document. {@code format} is the kind of file told by its content ({@code PDF},
 * {@code DOCX}, …, the legacy {@code DOC}, {@code XLS}, {@code PPT}, {@code OTHER}); {@code markable} says whether
 * copies of it carry a mark (a legacy file's only where LibreOffice converts it); {@code shredded}
 * that its key was destroyed.
 */
public record VersionView(long id, int number, String fileName, String contentType, long sizeBytes, String sha256,
                          Instant uploadedAt, long uploadedByPersonId, String uploadedByName, String format,
                          boolean markable, boolean shredded) {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    /** The size for people: bytes below 1 KB, else KB, MB, … (of 1,024), one decimal below 10 (e.g. 6.7 KB, 41 KB). */
    public String readableSize(java.util.Locale locale) {
        return readableSize(sizeBytes, locale);
    }

    /** The exact size in bytes with the locale's grouping (e.g. 41,617). */
    public String exactSize(java.util.Locale locale) {
        return java.text.NumberFormat.getIntegerInstance(locale).format(sizeBytes);
    }

    static String readableSize(long bytes, java.util.Locale locale) {
        java.text.NumberFormat number = java.text.NumberFormat.getNumberInstance(locale);
        if (bytes < 1024) {
            return number.format(bytes) + " B";
        }
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        number.setMaximumFractionDigits(value < 10 ? 1 : 0);
        number.setMinimumFractionDigits(0);
        return number.format(value) + " " + UNITS[unit];
    }
}
