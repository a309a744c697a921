package dev.mamori.vault;

/** What the vault announces to other modules. */
public final class VaultEvents {

    private VaultEvents() {
    }

    /** A document or a new version of it was stored under an entry. */
    public record DocumentUploaded(long documentId, long assetId, int version) {
    }

    /** A document was disposed of: its keys are destroyed and a certificate was produced. */
    public record DocumentDisposed(long documentId, long assetId) {
    }

    /** A numbered copy was not returned by its deadline and was escalated. */
    public record CopyOverdue(long copyId, long documentId, long personId) {
    }
}
