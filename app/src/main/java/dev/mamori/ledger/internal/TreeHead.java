package dev.mamori.ledger.internal;

/**
 * The size of the ledger's Merkle tree and its root hash.
 */
public record TreeHead(long size, byte[] root) {
}
