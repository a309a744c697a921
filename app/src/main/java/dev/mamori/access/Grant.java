package dev.mamori.access;

import java.time.Instant;

import dev.mamori.inventory.AccessHolder;

/**
 * A need-to-know grant of an entry to a holder (a person, a department with its sub-departments, a role
 * or a project group) at an access level, for a period.
 *
 * @param endsAt     when it ends by itself (null: until ended)
 * @param endedAt    when it was ended or expired (null: live)
 * @param reviewFlag why it awaits the 管理責任者's review (null: none), e.g. {@code TRANSFERRED}
 */
public record Grant(long id, long assetId, AccessHolder holder, AccessLevel level, String reason,
                    Long grantedByPersonId, Long requestId, Instant startsAt, Instant endsAt, Instant endedAt,
                    String endReason, String reviewFlag, Instant confirmedAt) {

    /** Live now: not ended, started, and not past its end. */
    public boolean activeAt(Instant now) {
        return endedAt == null && !startsAt.isAfter(now) && (endsAt == null || now.isBefore(endsAt));
    }

    public boolean live() {
        return endedAt == null;
    }
}
