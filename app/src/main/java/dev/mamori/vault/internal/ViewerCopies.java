package dev.mamori.vault.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.mamori.vault.internal.marking.FileFormat;

/**
 * The marked copies open in document viewers, kept so the page images come from the copy that was issued (one
 * copy number, one line in the viewing record, however many pages are looked at). Plaintext in memory only,
 * never written anywhere; bounded in total size (least recently used dropped first) and in age (dropped
 * {@code ttl} after the viewer was opened), and dropped when the document is disposed of. Thread-safe.
 */
final class ViewerCopies {

    /** A copy opened in a viewer: who opened it, the marked bytes and their page count. */
    record Entry(long copyId, long documentId, long personId, FileFormat format, byte[] marked, int pages,
                 String fingerprint, Instant openedAt) {
    }

    private final long maxBytes;
    private final Duration ttl;
    private final Clock clock;
    private final LinkedHashMap<Long, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    ViewerCopies(long maxBytes, Duration ttl, Clock clock) {
        this.maxBytes = maxBytes;
        this.ttl = ttl;
        this.clock = clock;
    }

    long maxBytes() {
        return maxBytes;
    }

    Duration ttl() {
        return ttl;
    }

    /** Whether a copy of this size can be kept at all. */
    boolean fits(long size) {
        return size <= maxBytes;
    }

    /** Keeps the copy, dropping the least recently used ones while the total would exceed the bound. */
    synchronized void put(Entry e) {
        if (!fits(e.marked().length)) {
            return;
        }
        expire();
        remove(e.copyId());
        Iterator<Map.Entry<Long, Entry>> eldest = entries.entrySet().iterator();
        while (bytes + e.marked().length > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().marked().length;
            eldest.remove();
        }
        entries.put(e.copyId(), e);
        bytes += e.marked().length;
    }

    synchronized Optional<Entry> get(long copyId) {
        expire();
        return Optional.ofNullable(entries.get(copyId));
    }

    synchronized void evictDocument(long documentId) {
        entries.values().removeIf(e -> {
            if (e.documentId() == documentId) {
                bytes -= e.marked().length;
                return true;
            }
            return false;
        });
    }

    synchronized long size() {
        return bytes;
    }

    private void remove(long copyId) {
        Entry old = entries.remove(copyId);
        if (old != null) {
            bytes -= old.marked().length;
        }
    }

    private void expire() {
        Instant oldest = clock.instant().minus(ttl);
        entries.values().removeIf(e -> {
            if (!e.openedAt().isAfter(oldest)) {
                bytes -= e.marked().length;
                return true;
            }
            return false;
        });
    }
}
