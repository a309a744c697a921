package dev.mamori.directory.internal;

import java.util.Set;

/**
 * Which people a viewer may see: everyone, the people of some departments (a manager's subtree),
 * and always themselves.
 */
public record Scope(boolean everyone, Set<Long> departmentIds, Long selfPersonId) {

    public static final Scope EVERYONE = new Scope(true, Set.of(), null);

    public static Scope onlySelf(Long personId) {
        return new Scope(false, Set.of(), personId);
    }
}
