package dev.mamori.vault;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A copy that left the vault: one line of the viewing record (閲覧記録: who, when, which version, which copy
 * number), and for a numbered copy its deadline and how it was collected. {@code documentDisposed}: the document was
 * disposed of since, so no file of the copy can be had any more (its keys are destroyed).
 */
public record CopyView(long id, long documentId, String documentTitle, long assetId, int versionNumber, int copyNumber,
                       CopyKind kind, long personId, String recipientName, String employeeNumber, Instant issuedAt,
                       long issuedByPersonId, String issuedByName, boolean marked, Long distributionId,
                       String purpose, LocalDate dueOn, Instant settledAt, Settlement settledAs, String settledNote,
                       boolean documentDisposed) {

    public boolean open() {
        return kind == CopyKind.NUMBERED && settledAt == null;
    }

    public boolean overdue(LocalDate today) {
        return open() && dueOn != null && dueOn.isBefore(today);
    }
}
