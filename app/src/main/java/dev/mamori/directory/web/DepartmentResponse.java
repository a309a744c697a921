package dev.mamori.directory.web;

import java.time.LocalDate;
import java.util.List;

import dev.mamori.directory.DepartmentView;

/**
 * A department in the API, with its 管理責任者.
 */
public record DepartmentResponse(long id, String code, String nameJa, String nameEn, Long parentId, boolean active,
                                 LocalDate abolishedOn, List<Manager> managers) {

    /** A 管理責任者 of the department. */
    public record Manager(long personId, String employeeNumber, String name) {
    }

    static DepartmentResponse of(DepartmentView d) {
        return new DepartmentResponse(d.id(), d.code(), d.nameJa(), d.nameEn(), d.parentId(), d.active(),
                d.abolishedOn(), managers(d));
    }

    static List<Manager> managers(DepartmentView d) {
        return d.managers().stream().map(m -> new Manager(m.id(), m.employeeNumber(), m.name())).toList();
    }
}
