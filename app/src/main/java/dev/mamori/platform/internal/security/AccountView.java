package dev.mamori.platform.internal.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.mamori.platform.PersonDirectory.PersonRef;
import dev.mamori.platform.Role;

/**
 * An account as pages and the API show it: never with its password hash.
 *
 * @param person the linked person from the directory, or null (not linked, or no directory yet)
 * @param locked whether failed logins lock the account right now
 */
public record AccountView(long id, String username, String displayName, Long personId, PersonRef person,
                          String locale, boolean enabled, boolean locked, Instant lockedUntil,
                          Instant lastLoginAt, Instant createdAt, List<GrantView> roles) {

    public boolean has(Role role) {
        return roles.stream().anyMatch(g -> g.role() == role);
    }

    public Set<Role> roleSet() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        roles.forEach(g -> set.add(g.role()));
        return set;
    }

    /** The roles without repeating MANAGER once per department, in the enum's order. */
    public List<Role> distinctRoles() {
        return List.copyOf(roleSet());
    }

    public List<GrantView> managerGrants() {
        return roles.stream().filter(g -> g.role() == Role.MANAGER).toList();
    }

    /** The codes of the managed departments (ids where the directory does not know them). */
    public String managerDepartmentCodes() {
        return managerGrants().stream().map(GrantView::departmentLabel).collect(Collectors.joining(", "));
    }

    public String employeeNumber() {
        return person == null ? null : person.employeeNumber();
    }
}
