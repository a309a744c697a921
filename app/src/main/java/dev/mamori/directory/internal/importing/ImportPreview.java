package dev.mamori.directory.internal.importing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A previewed upload: what applying it would do. After applying, the counts are those applied.
 *
 * @param encoding   the character encoding a CSV file was read with ({@code UTF-8} or {@code Shift_JIS}), null for XLSX
 * @param eventCounts how many of each event applying publishes, by event name
 */
public record ImportPreview(UUID id, ImportKind kind, String fileName, String format, String encoding, String sha256,
                            long createdBy, Instant createdAt, Instant expiresAt, int rows, int toCreate, int toChange,
                            int unchanged, int errorCount, int eventCount, Map<String, Integer> eventCounts,
                            Instant appliedAt, boolean expired) {

    public boolean applied() {
        return appliedAt != null;
    }

    /** No errors, not applied yet and not expired. */
    public boolean applicable() {
        return errorCount == 0 && !applied() && !expired;
    }
}
