package dev.mamori.inventory;

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
import dev.mamori.platform.internal.security.RoleGrant;
import dev.mamori.support.TestUsers;

/**
 * Builds uniquely named departments, people, accounts and register entries for the inventory tests
 * (which share one database with every other test).
 */
public final class Register {

    private final Directory directory;
    private final Inventory inventory;
    private final TestUsers users;
    private final MamoriUserDetails hr;

    public Register(Directory directory, Inventory inventory, TestUsers users) {
        this.directory = directory;
        this.inventory = inventory;
        this.users = users;
        this.hr = users.create(Role.HR);
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public long department(Long parentId) {
        return as(hr, () -> directory.createDepartment(new DepartmentDraft(unique("D"), "部署" + unique(""), null, parentId)));
    }

    public long person(long departmentId) {
        return as(hr, () -> directory.registerPerson(new PersonDraft(unique("E"), "山田 太郎", "やまだ たろう", null, "主任",
                EmploymentType.REGULAR, null, departmentId, List.of(), LocalDate.now(Directory.JAPAN))));
    }

    /** Names the person 管理責任者 of the department in the directory. */
    public void assignManager(long departmentId, long personId) {
        as(hr, () -> {
            directory.assignManagers(departmentId, java.util.List.of(personId));
            return null;
        });
    }

    /** An EMPLOYEE account of a new person in the department. */
    public MamoriUserDetails employee(long departmentId) {
        return users.create(person(departmentId), List.of(new RoleGrant(Role.EMPLOYEE, null)));
    }

    /** A MANAGER account of a new person in the department, managing it. */
    public MamoriUserDetails manager(long departmentId) {
        return users.manager(person(departmentId), departmentId);
    }

    public MamoriUserDetails withRole(Role role) {
        return users.create(role);
    }

    public AssetDraft draft(String name, long departmentId, long responsiblePersonId) {
        return new AssetDraft(name, "説明", departmentId, responsiblePersonId, AssetKind.TECHNICAL, AssetSubKind.DESIGN,
                List.of(new FormEntry(AssetForm.ELECTRONIC, "\\\\fs01\\design"), new FormEntry(AssetForm.DOCUMENT, "設計室キャビネット")),
                Origin.OWN, null, null, LegalRegimes.none());
    }

    /** Registers an entry as the manager, who is also its 管理責任者. */
    public long asset(MamoriUserDetails manager, long departmentId, String name) {
        return as(manager, () -> inventory.register(draft(name, departmentId, manager.personId())));
    }

    public void designate(MamoriUserDetails responsible, long assetId, String levelId, AccessHolder... holders) {
        as(responsible, () -> {
            inventory.designate(assetId, new DesignationDraft(levelId, List.of(holders), null, "特許出願の公開まで", null,
                    "見直し"));
            return null;
        });
    }

    public static <T> T as(MamoriUserDetails user, Supplier<T> work) {
        var before = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }
}
