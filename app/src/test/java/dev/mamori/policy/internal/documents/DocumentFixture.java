package dev.mamori.policy.internal.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.mamori.directory.DepartmentDraft;
import dev.mamori.directory.Directory;
import dev.mamori.directory.EmploymentType;
import dev.mamori.directory.PersonDraft;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.platform.internal.security.RoleGrant;
import dev.mamori.support.TestUsers;

/**
 * A small organisation of its own for each test (tests share one database): department A with a
 * sub-department A1, and department B, each with people; some people have EMPLOYEE accounts.
 */
class DocumentFixture {

    final Directory directory;
    final TestUsers users;
    final String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    long a;
    long a1;
    long b;
    final List<Long> peopleA = new ArrayList<>();
    long personA1;
    long personB;
    MamoriUserDetails employeeA;
    MamoriUserDetails employeeA1;
    MamoriUserDetails managerA;

    DocumentFixture(Directory directory, TestUsers users) {
        this.directory = directory;
        this.users = users;
    }

    DocumentFixture build() {
        as(users.create(Role.HR), () -> {
            a = directory.createDepartment(new DepartmentDraft("A" + tag, "総務部" + tag, "General " + tag, null));
            a1 = directory.createDepartment(new DepartmentDraft("A1" + tag, "総務課" + tag, "Affairs " + tag, a));
            b = directory.createDepartment(new DepartmentDraft("B" + tag, "営業部" + tag, "Sales " + tag, null));
            peopleA.add(person("A", "田中 一郎", a));
            peopleA.add(person("B", "鈴木 花子", a));
            personA1 = person("C", "佐藤 次郎", a1);
            personB = person("D", "高橋 三郎", b);
            return null;
        });
        employeeA = users.create(peopleA.get(0), List.of(new RoleGrant(Role.EMPLOYEE, null)));
        employeeA1 = users.create(personA1, List.of(new RoleGrant(Role.EMPLOYEE, null)));
        managerA = users.manager(peopleA.get(1), a);
        return this;
    }

    private long person(String suffix, String name, long department) {
        return directory.registerPerson(new PersonDraft("E" + tag + suffix, name, "かな", null, null,
                EmploymentType.REGULAR, null, department, List.of(), LocalDate.now(Directory.JAPAN).minusYears(1)));
    }

    static <T> T as(MamoriUserDetails user, Callable<T> work) {
        var before = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }
}
