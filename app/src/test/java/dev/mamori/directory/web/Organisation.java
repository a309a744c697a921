package dev.mamori.directory.web;

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

/**
 * Builds uniquely named departments and people through the directory, signed in as 人事, for the
 * web and API tests (which share one database).
 */
final class Organisation {

    private final Directory directory;
    private final MamoriUserDetails hr;

    Organisation(Directory directory, TestUsers users) {
        this.directory = directory;
        this.hr = users.create(Role.HR);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    long department(Long parentId) {
        return asHr(() -> directory.createDepartment(new DepartmentDraft(unique("D"), "部署" + unique(""), null, parentId)));
    }

    long person(long departmentId) {
        return person(departmentId, unique("E"), "山田 太郎", "やまだ たろう");
    }

    long person(long departmentId, String employeeNumber, String name, String kana) {
        return asHr(() -> directory.registerPerson(new PersonDraft(employeeNumber, name, kana, null, "主任",
                EmploymentType.REGULAR, null, departmentId, List.of(), LocalDate.now(Directory.JAPAN))));
    }

    <T> T asHr(Supplier<T> work) {
        var before = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(hr, null, hr.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    void asHr(Runnable work) {
        asHr(() -> {
            work.run();
            return null;
        });
    }
}
