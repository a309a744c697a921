package dev.mamori.directory.web;

import java.time.LocalDate;
import java.util.List;

import dev.mamori.directory.EmploymentType;
import dev.mamori.directory.PersonStatus;
import dev.mamori.directory.PersonView;

/**
 * A person in the API. {@code departments} lists the primary department first; {@code version}
 * must be sent back with a change.
 */
public record PersonResponse(long id, String employeeNumber, String name, String nameKana, String email,
                             String position, EmploymentType employmentType, String employer, PersonStatus status,
                             LocalDate joinedOn, LocalDate leaveFrom, LocalDate noticeDate, LocalDate lastWorkingDay,
                             LocalDate leftOn, List<Department> departments, int version) {

    /** A department the person belongs to. */
    public record Department(long id, String code, String nameJa, String nameEn, boolean primary) {
    }

    static PersonResponse of(PersonView p) {
        return new PersonResponse(p.id(), p.employeeNumber(), p.name(), p.nameKana(), p.email(), p.position(),
                p.employmentType(), p.employer(), p.status(), p.joinedOn(), p.leaveFrom(), p.noticeDate(),
                p.lastWorkingDay(), p.leftOn(), p.departments().stream()
                        .map(d -> new Department(d.id(), d.code(), d.nameJa(), d.nameEn(), d.primary())).toList(),
                p.version());
    }
}
