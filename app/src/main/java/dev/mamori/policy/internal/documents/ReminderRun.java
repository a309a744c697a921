package dev.mamori.policy.internal.documents;

import java.util.Set;

/** What one run of the acknowledgement reminder did: the people reminded and the departments whose managers heard. */
public record ReminderRun(Set<Long> personIds, Set<Long> departmentIds) {

    public ReminderRun {
        personIds = Set.copyOf(personIds);
        departmentIds = Set.copyOf(departmentIds);
    }
}
