package dev.mamori.ledger;

import java.time.Instant;

/**
 * The latest signed checkpoint of the ledger's tree: its size and root (hex), when it was signed, and its
 * RFC 3161 time-stamp ({@code timestampedAt} null while the TSA has not answered). {@code builtInTsa} is true
 * when the stamp comes from Mamori's own TSA, which is not an accredited third party.
 */
public record CheckpointSummary(long treeSize, String rootHash, Instant signedAt, Instant timestampedAt,
                                boolean builtInTsa) {
}
