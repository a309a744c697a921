package dev.mamori.directory.web;

/**
 * Who may use the directory's pages and API (in {@code @PreAuthorize}). Reading is open to every
 * signed-in user — the directory's scope then decides which people they see; changing the
 * organisation and people is for システム管理者 and 人事.
 */
final class DirectoryAccess {

    static final String SIGNED_IN = "isAuthenticated()";
    static final String ADMIN = "hasAnyRole('SYSTEM_ADMIN','HR')";

    private DirectoryAccess() {
    }
}
