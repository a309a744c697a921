package dev.mamori.inventory.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonView;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.Role;
import dev.mamori.policy.Policy;

/**
 * Resolves what decides a user's view of the register: their departments (managed and belonged to), their
 * roles, and the levels of the policy module's scheme that conceal their entries.
 */
@Component
public class Viewers {

    private final Directory directory;
    private final Policy policy;

    Viewers(Directory directory, Policy policy) {
        this.directory = directory;
        this.policy = policy;
    }

    public Viewer of(CurrentUser user) {
        boolean seesAll = user.hasAny(Role.AUDITOR, Role.CHIEF_OFFICER, Role.COMMITTEE);
        Set<Long> managed = new HashSet<>();
        if (user.has(Role.MANAGER)) {
            Set<Long> roots = new HashSet<>(user.managedDepartmentIds());
            if (user.personId() != null) {
                roots.addAll(directory.departmentsManagedBy(user.personId()));
            }
            managed.addAll(directory.departmentSubtrees(roots));
        }
        Set<Long> holderDepartments = new HashSet<>();
        if (user.personId() != null) {
            directory.findPerson(user.personId()).filter(p -> p.status().current()).ifPresent(p ->
                    holderDepartments.addAll(directory.departmentsWithAncestors(
                            p.departments().stream().map(PersonView.DepartmentRef::id).toList())));
        }
        Set<String> roles = user.roles().stream().map(Role::name).collect(Collectors.toSet());
        return new Viewer(seesAll, user.personId(), managed, holderDepartments, roles, policy.concealedLevelCodes());
    }
}
