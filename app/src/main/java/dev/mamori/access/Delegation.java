package dev.mamori.access;

import java.time.LocalDate;

/** An approver's delegate for a period while away (both days included). */
public record Delegation(long id, long approverPersonId, long delegatePersonId, LocalDate startsOn, LocalDate endsOn,
                         boolean revoked) {

    public boolean activeOn(LocalDate day) {
        return !revoked && !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
