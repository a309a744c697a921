package dev.mamori.inventory.web;

/**
 * Who may use the register's pages and API (in {@code @PreAuthorize}). Reading is open to every
 * signed-in user — the register's visibility then decides which entries they see; registering and
 * changing entries is for managers (管理責任者), within their departments, which the service checks.
 */
final class InventoryAccess {

    static final String SIGNED_IN = "isAuthenticated()";
    static final String MANAGER = "hasRole('MANAGER')";
    /** Importing a register: organisation-wide for these roles, a MANAGER only into their departments. */
    static final String IMPORTER = "hasAnyRole('SYSTEM_ADMIN','CHIEF_OFFICER','COMMITTEE','MANAGER')";

    private InventoryAccess() {
    }
}
