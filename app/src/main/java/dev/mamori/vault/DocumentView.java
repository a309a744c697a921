package dev.mamori.vault;

import java.time.Instant;
import java.util.List;

/** A secret document under an information entry, with its versions (newest first). */
public record DocumentView(long id, long assetId, String title, Instant createdAt, long createdByPersonId,
                           String createdByName, Instant disposedAt, String disposedByName, String disposalReason,
                           List<VersionView> versions) {

    public boolean disposed() {
        return disposedAt != null;
    }

    public VersionView latest() {
        return versions.isEmpty() ? null : versions.get(0);
    }
}
