package dev.mamori.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Recipient;

/**
 * A request with its routing (how many approvals it needs, the obligations that come with it) and its steps.
 * {@code untilOn}: for ACCESS the grant's last day, for the other kinds the last day the approval may be used
 * (null: not named). {@code approvedUntil}: for an approved request of another kind than ACCESS, until when the
 * check lets the requester do what was asked (for a REVOKED one, the moment it was taken back).
 * {@code recipientName}: whom an e-mail outside or a provision to a third party goes to, as the requester named it
 * (null for the other kinds and for requests filed without it).
 */
public record AccessRequest(long id, RequestKind kind, long assetId, long requesterPersonId, AccessLevel level,
                            String reason, LocalDate untilOn, String levelCode, int approvalsNeeded,
                            Set<Obligation> obligations, Status status, Long grantId, Instant createdAt,
                            Instant decidedAt, Instant approvedUntil, Medium medium, Location location,
                            Recipient recipient, String recipientName, List<Step> steps) {

    public enum Status {
        PENDING, APPROVED, REJECTED, WITHDRAWN, REVOKED;

        public String messageKey() {
            return "access.request.status." + name();
        }
    }

    /** One approver's step ({@code onBehalfOf}: the approver a delegate stood in for). */
    public record Step(long personId, Long onBehalfOf, String decision, String note, Instant at) {
    }

    /** An approval of another kind than ACCESS that still lets the requester act at the moment. */
    public boolean approvalRunningAt(Instant at) {
        return status == Status.APPROVED && approvedUntil != null && approvedUntil.isAfter(at);
    }

    public long approvals() {
        return steps.stream().filter(s -> s.decision().equals("APPROVED")).count();
    }
}
