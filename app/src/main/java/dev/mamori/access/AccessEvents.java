package dev.mamori.access;

import java.util.List;

import dev.mamori.inventory.AccessHolder;

/**
 * Events of the access module, published in the transaction of the change; ids and small values only.
 */
public final class AccessEvents {

    private AccessEvents() {
    }

    /** A grant was issued (by a 管理責任者, the 統括責任者, or an approved request). */
    public record GrantIssued(long grantId, long assetId, AccessHolder.Kind holderKind, String holderRef,
                              AccessLevel level) {
    }

    /** A grant ended: revoked, expired, removed in a review, or ended by the person's leaving. */
    public record GrantEnded(long grantId, long assetId, AccessHolder.Kind holderKind, String holderRef,
                             String endReason) {
    }

    /** Grants were flagged for the 管理責任者's review (a transfer, a notice of leaving). */
    public record GrantsFlagged(List<Long> grantIds, String flag) {
    }

    public record AccessRequested(long requestId, RequestKind kind, long assetId, long requesterPersonId) {
    }

    /** A request received its last approval; for COPY / PRINT the vault may now issue the copy. */
    public record AccessRequestApproved(long requestId, RequestKind kind, long assetId, long requesterPersonId,
                                        Long grantId) {
    }

    public record AccessRequestRejected(long requestId, RequestKind kind, long assetId, long requesterPersonId) {
    }

    public record AccessRequestWithdrawn(long requestId, long assetId) {
    }

    /** A running approval (other than ACCESS) was taken back before it ran out, or given back by its requester. */
    public record AccessApprovalRevoked(long requestId, RequestKind kind, long assetId, long requesterPersonId) {
    }

    /** An entry's access review is overdue and was escalated to the 統括責任者. */
    public record AccessReviewEscalated(long assetId) {
    }
}
