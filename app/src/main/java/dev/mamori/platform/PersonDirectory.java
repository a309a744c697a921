package dev.mamori.platform;

import java.util.Optional;

/**
 * What the platform needs to know about the organisation to link accounts to people and scope
 * manager roles. Implemented by the directory module (the platform does not depend on it).
 */
public interface PersonDirectory {

    Optional<PersonRef> findPersonByEmployeeNumber(String employeeNumber);

    Optional<PersonRef> findPerson(long personId);

    Optional<DepartmentRef> findDepartmentByCode(String code);

    Optional<DepartmentRef> findDepartment(long departmentId);

    record PersonRef(long id, String employeeNumber, String name) {
    }

    record DepartmentRef(long id, String code, String nameJa, String nameEn) {
    }
}
