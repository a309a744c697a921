package dev.mamori.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * What a person is entered or changed with. Lifecycle dates are changed through the lifecycle
 * operations, not here; {@code joinedOn} is the (expected) date of joining.
 */
public record PersonDraft(String employeeNumber, String name, String nameKana, String email, String position,
                          EmploymentType employmentType, String employer, Long primaryDepartmentId,
                          List<Long> additionalDepartmentIds, LocalDate joinedOn) {

    public PersonDraft {
        additionalDepartmentIds = additionalDepartmentIds == null ? List.of() : List.copyOf(additionalDepartmentIds);
    }

    public List<Long> allDepartmentIds() {
        var all = new java.util.ArrayList<Long>();
        if (primaryDepartmentId != null) {
            all.add(primaryDepartmentId);
        }
        additionalDepartmentIds.stream().filter(id -> !id.equals(primaryDepartmentId) && !all.contains(id)).forEach(all::add);
        return all;
    }
}
