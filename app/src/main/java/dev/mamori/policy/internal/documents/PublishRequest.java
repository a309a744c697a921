package dev.mamori.policy.internal.documents;

import java.time.LocalDate;
import java.util.List;

/**
 * What a publisher decides: from when the version applies (null: today) and whom it asks to acknowledge it
 * (no departments: every current person; otherwise the people of those departments and their sub-departments).
 */
public record PublishRequest(LocalDate effectiveOn, List<Long> departmentIds) {

    public PublishRequest {
        departmentIds = departmentIds == null ? List.of() : departmentIds.stream().distinct().toList();
    }
}
