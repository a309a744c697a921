package dev.mamori.agreement.internal;

import java.time.Instant;
import java.time.LocalDate;

import dev.mamori.agreement.PledgeKind;
import dev.mamori.agreement.PledgeState;

/**
 * A pledge asked of a person with its generated document's hashes and its outcome. {@code stored} is the
 * state as stored (PENDING, SIGNED, REFUSED, WITHDRAWN); {@link #state(LocalDate)} adds EXPIRED.
 */
public record Pledge(long id, long personId, Long departmentId, PledgeKind kind, long documentId, String title,
                     int templateNumber, String projectKey, String projectName, String stored, Instant requestedAt,
                     String requestedBy, LocalDate dueOn, Instant signedAt, String method, String scanName,
                     String scanSha256, Instant refusedAt, String refusalReason, boolean survivesLeaving,
                     Integer validYears, LocalDate validUntil, LocalDate escalatedOn, String textSha256,
                     String docxSha256, String pdfSha256) {

    public PledgeState state(LocalDate today) {
        return switch (stored) {
            case "SIGNED" -> validUntil != null && validUntil.isBefore(today) ? PledgeState.EXPIRED : PledgeState.SIGNED;
            case "REFUSED" -> PledgeState.REFUSED;
            case "PENDING" -> PledgeState.PENDING;
            default -> PledgeState.NONE;
        };
    }

    public boolean pending() {
        return "PENDING".equals(stored);
    }

    public boolean overdue(LocalDate today) {
        return pending() && dueOn.isBefore(today);
    }

    /** Signed, in force, and lasting after the person leaves. */
    public boolean lasting(LocalDate today) {
        return survivesLeaving && state(today) == PledgeState.SIGNED;
    }
}
