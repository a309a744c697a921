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

    /** Past its end but not yet marked ended (the daily job does that; the check stops counting it at once). */
    public boolean pastEnd(Instant now) {
        return endedAt == null && endsAt != null && !now.isBefore(endsAt);
    }

    /** The day (Japan time) it starts. */
    public java.time.LocalDate startDay() {
        return java.time.LocalDate.ofInstant(startsAt, java.time.ZoneId.of("Asia/Tokyo"));
    }

    /** The last day (Japan time) it counts, or null without an end. */
    public java.time.LocalDate lastDay() {
        return endsAt == null ? null : java.time.LocalDate.ofInstant(endsAt.minusMillis(1), java.time.ZoneId.of("Asia/Tokyo"));
    }

    public boolean live() {
        return endedAt == null;
    }
}
