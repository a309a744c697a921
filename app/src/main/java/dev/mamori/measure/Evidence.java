package dev.mamori.measure;

import java.time.Instant;

/**
 * One piece of evidence of a selection. For COMPUTED evidence {@code sourceKey} names the {@link EvidenceSource}
 * and {@code current} is its summary at the time of reading.
 */
public record Evidence(long id, long selectionId, EvidenceKind kind, String label, String url, String fileName,
                       String sha256, Long sizeBytes, String sourceKey, String addedBy, Instant addedAt,
                       EvidenceSummary current) {
}
