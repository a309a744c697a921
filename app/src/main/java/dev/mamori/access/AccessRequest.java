package dev.mamori.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dev.mamori.policy.Obligation;

/**
 * A request with its routing (how many approvals it needs, the obligations that come with it) and its steps.
 */
public record AccessRequest(long id, RequestKind kind, long assetId, long requesterPersonId, AccessLevel level,
                            String reason, LocalDate untilOn, String levelCode, int approvalsNeeded,
                            Set<Obligation> obligations, Status status, Long grantId, Instant createdAt,
                            Instant decidedAt, List<Step> steps) {

    public enum Status {
        PENDING, APPROVED, REJECTED, WITHDRAWN;

        public String messageKey() {
            return "access.request.status." + name();
        }
    }

    /** One approver's step ({@code onBehalfOf}: the approver a delegate stood in for). */
    public record Step(long personId, Long onBehalfOf, String decision, String note, Instant at) {
    }

    public long approvals() {
        return steps.stream().filter(s -> s.decision().equals("APPROVED")).count();
    }
}
