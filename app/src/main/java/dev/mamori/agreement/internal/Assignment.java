package dev.mamori.agreement.internal;

import java.time.Instant;
import java.time.LocalDate;

/** A training assigned to a person, and whether and how they completed it. */
public record Assignment(long courseId, String courseTitle, Course.Kind kind, long personId, Long departmentId,
                         LocalDate assignedOn, LocalDate dueOn, Instant completedAt, Integer score, int attempts,
                         String recordedBy, LocalDate remindedOn) {

    public boolean done() {
        return completedAt != null;
    }

    public boolean overdue(LocalDate today) {
        return !done() && dueOn.isBefore(today);
    }
}
