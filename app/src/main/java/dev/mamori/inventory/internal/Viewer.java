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
 */
public record Viewer(boolean seesAll, Long personId, Set<Long> managedDepartments, Set<Long> holderDepartments,
                     Set<String> roles) {
}
