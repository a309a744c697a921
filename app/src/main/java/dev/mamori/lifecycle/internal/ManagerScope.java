package dev.mamori.lifecycle.internal;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mamori.directory.Directory;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.Role;

/**
 * Whether a person belongs to the departments a 管理責任者 manages (with their sub-departments), independent of
 * any organisation-wide role the user also holds. A user is never in their own scope.
 */
@Component
public class ManagerScope {

    private final Directory directory;

    ManagerScope(Directory directory) {
        this.directory = directory;
    }

    public boolean covers(CurrentUser user, long personId) {
        if (!user.has(Role.MANAGER) || Objects.equals(user.personId(), personId)) {
            return false;
        }
        Set<Long> roots = new HashSet<>(user.managedDepartmentIds());
        if (user.personId() != null) {
            directory.listDepartments().stream()
                    .filter(d -> d.managers().stream().anyMatch(m -> m.id() == user.personId()))
                    .forEach(d -> roots.add(d.id()));
        }
        Set<Long> subtree = new HashSet<>();
        roots.forEach(r -> subtree.addAll(directory.departmentSubtree(r)));
        return directory.findPerson(personId)
                .map(p -> p.departments().stream().anyMatch(d -> subtree.contains(d.id()))).orElse(false);
    }
}
