package dev.mamori.platform;

import java.util.Set;

/**
 * Sign-in accounts for people of the demo company, for {@link DemoDataLoader}s only. They all share
 * the demo password ({@code MAMORI_DEMO_PASSWORD}, generated and logged once when not given).
 */
public interface DemoAccounts {

    /**
     * Creates an account linked to the person, unless the username is taken already.
     *
     * @param managedDepartmentIds the departments a {@link Role#MANAGER} is scoped to (empty otherwise)
     */
    void create(String username, String displayName, long personId, Set<Role> roles, Set<Long> managedDepartmentIds);
}
