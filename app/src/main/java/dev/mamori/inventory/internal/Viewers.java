package dev.mamori.inventory.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.mamori.directory.DepartmentView;
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
        List<DepartmentView> departments = directory.listDepartments();
        Set<Long> managed = new HashSet<>();
        if (user.has(Role.MANAGER)) {
            Set<Long> roots = new HashSet<>(user.managedDepartmentIds());
            if (user.personId() != null) {
                departments.stream().filter(d -> d.managers().stream().anyMatch(m -> m.id() == user.personId()))
                        .forEach(d -> roots.add(d.id()));
            }
            for (Long root : roots) {
                managed.addAll(directory.departmentSubtree(root));
            }
        }
        Set<Long> holderDepartments = new HashSet<>();
        if (user.personId() != null) {
            Map<Long, Long> parents = new HashMap<>();
            departments.forEach(d -> parents.put(d.id(), d.parentId()));
            directory.findPerson(user.personId()).filter(p -> p.status().current()).ifPresent(p -> {
                for (PersonView.DepartmentRef ref : p.departments()) {
                    for (Long d = ref.id(); d != null && holderDepartments.add(d); d = parents.get(d)) {
                        // walk up to the root
                    }
                }
            });
        }
        Set<String> roles = user.roles().stream().map(Role::name).collect(Collectors.toSet());
        return new Viewer(seesAll, user.personId(), managed, holderDepartments, roles, policy.concealedLevelCodes());
    }
}
