package dev.mamori.inventory.internal.importing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An uploaded register and what applying it would do. {@code mapping} holds the field of each column, or
 * is null while the columns still have to be mapped. After applying, the counts are those applied.
 *
 * @param samples the first data rows' cells, to help with mapping
 */
public record ImportPreview(UUID id, String fileName, String format, String encoding, String sha256, Layout layout,
                            String signature, List<String> headers, List<List<String>> samples, int headerRow,
                            List<ImportField> mapping, Long defaultDepartmentId, long createdBy, Instant createdAt,
                            Instant expiresAt, int rows, int toCreate, int toChange, int unchanged, int errorCount,
                            int warningCount, Instant appliedAt, boolean expired) {

    public boolean applied() {
        return appliedAt != null;
    }

    public boolean needsMapping() {
        return mapping == null;
    }

    /** Mapped, without errors, not applied yet and not expired. */
    public boolean applicable() {
        return mapping != null && errorCount == 0 && !applied() && !expired;
    }

    /** The mapping, or while there is none the fields the headers suggest. */
    public List<ImportField> suggestedMapping() {
        return mapping != null ? mapping : ImportField.guess(headers);
    }

    /** The field of column {@code i}. */
    public ImportField fieldOf(int i) {
        return mapping == null || i >= mapping.size() ? ImportField.IGNORE : mapping.get(i);
    }

    /** The header of a finding's column, or an empty text. */
    public String header(Integer column) {
        return column == null || column >= headers.size() ? "" : headers.get(column);
    }

    /** Up to three sample values of column {@code i}. */
    public List<String> samplesOf(int i) {
        return samples.stream().map(r -> i < r.size() && r.get(i) != null ? r.get(i) : "").filter(v -> !v.isBlank())
                .toList();
    }
}
