package dev.mamori.policy.internal.documents;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One person's acknowledgement of one version: pending (acknowledgedAt null), done, or superseded by a
 * newer version before it was done.
 */
public record PersonAcknowledgement(long versionId, DocumentKind kind, int number, String title, long personId,
                                    String employeeNumber, String personName, Long departmentId, LocalDate dueOn,
                                    Instant acknowledgedAt, boolean superseded, LocalDate remindedOn) {

    public boolean pending() {
        return acknowledgedAt == null && !superseded;
    }

    public boolean overdue(LocalDate today) {
        return pending() && dueOn.isBefore(today);
    }
}
