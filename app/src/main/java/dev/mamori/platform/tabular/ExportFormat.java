package dev.mamori.platform.tabular;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.mamori.platform.InvalidInputException;

/**
 * The formats exports are written in: CSV in UTF-8 with a BOM (Excel then opens it correctly), CSV in
 * Shift_JIS (Windows-31J, for older systems; characters it lacks become {@code ?}), or XLSX.
 */
public enum ExportFormat {
    CSV_UTF8("text/csv; charset=UTF-8", "csv", StandardCharsets.UTF_8),
    CSV_SHIFT_JIS("text/csv; charset=Shift_JIS", "csv", Encodings.WINDOWS_31J),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", null);

    private final String contentType;
    private final String extension;
    private final Charset charset;

    ExportFormat(String contentType, String extension, Charset charset) {
        this.contentType = contentType;
        this.extension = extension;
        this.charset = charset;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public Charset charset() {
        return charset;
    }

    /** {@code format=csv|xlsx} (default csv) and, for CSV, {@code encoding=utf-8|shift_jis} (default UTF-8). */
    public static ExportFormat of(String format, String encoding) {
        String f = format == null || format.isBlank() ? "csv" : format.strip().toLowerCase(Locale.ROOT);
        if (f.equals("xlsx")) {
            return XLSX;
        }
        if (!f.equals("csv")) {
            throw InvalidInputException.onField("format", "platform.tabular.formatUnknown", format);
        }
        return Encodings.named(encoding).filter(Encodings.WINDOWS_31J::equals).isPresent() ? CSV_SHIFT_JIS : CSV_UTF8;
    }
}
