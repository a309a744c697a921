package dev.mamori.ledger;

import java.time.Instant;

/**
 * A recorded entry as read back: sequence number, time, actor, action, subject, details as JSON, and
 * the canonical bytes (RFC 8785 JSON) with their Merkle leaf hash (hex) that the tree covers.
 */
public record LedgerEntry(long seq, Instant recordedAt, Actor actor, String action, Subject subject,
                          String detailsJson, String canonical, String leafHash) {

    /** Leaf index of this entry in the Merkle tree. */
    public long leafIndex() {
        return seq - 1;
    }
}
