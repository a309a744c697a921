package dev.mamori.directory;

import java.util.List;

/**
 * Domain events about departments.
 */
public final class DepartmentEvents {

    private DepartmentEvents() {
    }

    public record DepartmentCreated(long departmentId, String code, Long parentId) {
    }

    public record DepartmentChanged(long departmentId, String code, Long parentId) {
    }

    public record DepartmentAbolished(long departmentId, String code) {
    }

    /** The 管理責任者 of a department changed. */
    public record DepartmentManagersChanged(long departmentId, List<Long> previousManagerIds, List<Long> managerIds) {
    }
}
