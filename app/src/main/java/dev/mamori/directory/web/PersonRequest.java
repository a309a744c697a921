package dev.mamori.directory.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.mamori.directory.EmploymentType;
import dev.mamori.directory.PersonDraft;

/**
 * A person to enter, or the new details of one ({@code PUT}, which also needs the {@code version}
 * that was read).
 */
public record PersonRequest(
        @NotBlank(message = "{directory.person.employeeNumberRequired}")
        @Size(max = 32, message = "{directory.form.tooLong}") String employeeNumber,
        @NotBlank(message = "{directory.person.nameRequired}")
        @Size(max = 100, message = "{directory.form.tooLong}") String name,
        @NotBlank(message = "{directory.person.kanaRequired}")
        @Size(max = 100, message = "{directory.form.tooLong}") String nameKana,
        @Size(max = 254, message = "{directory.form.tooLong}") String email,
        @Size(max = 100, message = "{directory.form.tooLong}") String position,
        @NotNull(message = "{directory.person.employmentTypeRequired}") EmploymentType employmentType,
        @Size(max = 200, message = "{directory.form.tooLong}") String employer,
        @NotNull(message = "{directory.person.departmentRequired}") Long primaryDepartmentId,
        List<Long> additionalDepartmentIds,
        LocalDate joinedOn,
        Integer version) {

    PersonDraft toDraft() {
        return new PersonDraft(employeeNumber.strip(), name.strip(), nameKana.strip(), blankToNull(email),
                blankToNull(position), employmentType, blankToNull(employer), primaryDepartmentId,
                additionalDepartmentIds, joinedOn);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
