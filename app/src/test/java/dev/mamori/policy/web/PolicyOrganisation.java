package dev.mamori.policy.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.mamori.directory.DepartmentDraft;
import dev.mamori.directory.Directory;
import dev.mamori.directory.EmploymentType;
import dev.mamori.directory.PersonDraft;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.TestUsers;

/** Uniquely named departments and their 管理責任者 for the policy tests (which share one database). */
final class PolicyOrganisation {

    private final Directory directory;
    private final TestUsers users;
    private final MamoriUserDetails hr;

    PolicyOrganisation(Directory directory, TestUsers users) {
        this.directory = directory;
        this.users = users;
        this.hr = users.create(Role.HR);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    long department(Long parentId) {
        return asHr(() -> directory.createDepartment(new DepartmentDraft(unique("P"), "部署" + unique(""), null, parentId)));
    }

    /** A person in the department with a MANAGER (and EMPLOYEE) account scoped to it. */
    MamoriUserDetails manager(long departmentId) {
        long person = asHr(() -> directory.registerPerson(new PersonDraft(unique("M"), "佐藤 花子", "さとう はなこ", null,
                "課長", EmploymentType.REGULAR, null, departmentId, List.of(), LocalDate.now(Directory.JAPAN))));
        return users.manager(person, departmentId);
    }

    private <T> T asHr(Supplier<T> work) {
        var before = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(hr, null, hr.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }
}
