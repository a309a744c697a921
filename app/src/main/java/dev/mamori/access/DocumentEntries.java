package dev.mamori.access;

import java.util.Optional;

/**
 * What the check endpoint needs to know of a secret document when a caller names the document instead of its
 * information entry: the entry it is filed under and whether it has been disposed of. Implemented by the vault
 * (which depends on access, so access declares the interface and never imports the vault).
 */
public interface DocumentEntries {

    /** The document's entry and disposal; empty when no such document exists. */
    Optional<DocumentEntry> entryOf(long documentId);

    /** A document's information entry (inventory asset id) and whether it was disposed of (廃棄済). */
    record DocumentEntry(long assetId, boolean disposed) {
    }
}
