package dev.mamori.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The signed-in account as other modules see it.
 *
 * @param managedDepartmentIds the departments this user is 管理責任者 of (sub-departments are
 *                             included by the directory module when it applies the scope)
 */
public record CurrentUser(long accountId, String username, String displayName, Long personId,
                          Set<Role> roles, Set<Long> managedDepartmentIds, Locale locale) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        return Arrays.stream(candidates).anyMatch(roles::contains);
    }

    /** Roles whose work covers the whole organisation (read access to every department's people). */
    public boolean seesWholeOrganisation() {
        return hasAny(Role.SYSTEM_ADMIN, Role.CHIEF_OFFICER, Role.COMMITTEE, Role.HR, Role.LEGAL,
                Role.IT_SECURITY, Role.AUDITOR);
    }
}
