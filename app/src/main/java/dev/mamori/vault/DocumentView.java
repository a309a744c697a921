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

    /** Whether some version's copies carry a mark. */
    public boolean anyMarkable() {
        return versions.stream().anyMatch(VersionView::markable);
    }

    /** Whether some version's copies are handed out as they are, without a mark (its format cannot be marked). */
    public boolean anyUnmarkable() {
        return versions.stream().anyMatch(v -> !v.markable());
    }

    /** Whether copies of the latest version carry no mark (its format cannot be marked): worth a warning at upload. */
    public boolean latestUnmarked() {
        return latest() != null && !latest().markable();
    }

    /** Whether numbered copies can be made of it: the latest version, which they are made of, is marked. */
    public boolean distributable() {
        return !disposed() && latest() != null && latest().markable();
    }
}
