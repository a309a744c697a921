package dev.mamori.inventory.internal;

import java.util.Set;

/**
 * What decides which entries a user sees, resolved once per request.
 *
 * @param seesAll             監査 / 統括責任者 / 委員会: every entry's metadata
 * @param personId            the user's person, or null
 * @param managedDepartments  departments (with sub-departments) the user manages as MANAGER
 * @param holderDepartments   the user's departments and their ancestors — a department access holder
 *                            covers its sub-departments
 * @param roles               role names, for role access holders
 * @param concealedLevels     codes of the scheme's levels whose entries only their access holders (and
 *                            organisation-wide readers) may know of — managers of the department included
 */
public record Viewer(boolean seesAll, Long personId, Set<Long> managedDepartments, Set<Long> holderDepartments,
                     Set<String> roles, Set<String> concealedLevels) {

    public Viewer {
        concealedLevels = Set.copyOf(concealedLevels);
    }

    public boolean conceals(String levelId) {
        return levelId != null && concealedLevels.contains(levelId);
    }
}
