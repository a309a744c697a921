package dev.mamori.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * A person as other modules and the UI see it. {@code departments} lists the primary department first.
 */
public record PersonView(long id, String employeeNumber, String name, String nameKana, String email, String position,
                         EmploymentType employmentType, String employer, PersonStatus status, LocalDate joinedOn,
                         LocalDate leaveFrom, LocalDate noticeDate, LocalDate lastWorkingDay, LocalDate leftOn,
                         List<DepartmentRef> departments, int version) {

    public DepartmentRef primaryDepartment() {
        return departments.isEmpty() ? null : departments.get(0);
    }

    /** A department a person belongs to. */
    public record DepartmentRef(long id, String code, String nameJa, String nameEn, boolean primary) {
    }
}
