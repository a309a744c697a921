package dev.mamori.directory.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import dev.mamori.directory.EmploymentType;
import dev.mamori.directory.PersonDraft;
import dev.mamori.directory.PersonView;

/**
 * The person form. {@code version} is the version the form was opened with; saving a person that
 * changed meanwhile is refused.
 */
public record PersonForm(
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
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedOn,
        Integer version) {

    static final Set<String> FIELDS = Set.of("employeeNumber", "name", "nameKana", "email", "position",
            "employmentType", "employer", "primaryDepartmentId", "additionalDepartmentIds", "joinedOn");

    static PersonForm empty(LocalDate today) {
        return new PersonForm(null, null, null, null, null, EmploymentType.REGULAR, null, null, List.of(), today, null);
    }

    static PersonForm of(PersonView p) {
        return new PersonForm(p.employeeNumber(), p.name(), p.nameKana(), p.email(), p.position(), p.employmentType(),
                p.employer(), p.primaryDepartment() == null ? null : p.primaryDepartment().id(),
                p.departments().stream().filter(d -> !d.primary()).map(PersonView.DepartmentRef::id).toList(),
                p.joinedOn(), p.version());
    }

    PersonDraft toDraft() {
        return new PersonDraft(strip(employeeNumber), strip(name), strip(nameKana), strip(email), strip(position),
                employmentType, strip(employer), primaryDepartmentId, additionalDepartmentIds, joinedOn);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
