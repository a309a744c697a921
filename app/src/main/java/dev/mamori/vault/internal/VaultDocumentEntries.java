package dev.mamori.vault.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mamori.access.DocumentEntries;

/** Tells the access check which entry a document is filed under, for callers that name a document. */
@Component
class VaultDocumentEntries implements DocumentEntries {

    private final VaultRepository repository;

    VaultDocumentEntries(VaultRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<DocumentEntry> entryOf(long documentId) {
        return repository.findDocument(documentId).map(d -> new DocumentEntry(d.assetId(), d.disposedAt() != null));
    }
}
