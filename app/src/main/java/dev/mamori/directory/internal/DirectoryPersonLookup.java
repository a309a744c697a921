package dev.mamori.directory.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.platform.PersonDirectory;

/**
 * Tells the platform about people and departments (for linking accounts and scoping managers).
 */
@Component
class DirectoryPersonLookup implements PersonDirectory {

    private final PersonRepository people;
    private final DepartmentRepository departments;

    DirectoryPersonLookup(PersonRepository people, DepartmentRepository departments) {
        this.people = people;
        this.departments = departments;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PersonRef> findPersonByEmployeeNumber(String employeeNumber) {
        return people.findByEmployeeNumber(employeeNumber).map(p -> new PersonRef(p.id(), p.employeeNumber(), p.name()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PersonRef> findPerson(long personId) {
        return people.findById(personId).map(p -> new PersonRef(p.id(), p.employeeNumber(), p.name()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DepartmentRef> findDepartmentByCode(String code) {
        return departments.findByCode(code).map(d -> new DepartmentRef(d.id(), d.code(), d.nameJa(), d.nameEn()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DepartmentRef> findDepartment(long departmentId) {
        return departments.findById(departmentId).map(d -> new DepartmentRef(d.id(), d.code(), d.nameJa(), d.nameEn()));
    }
}
