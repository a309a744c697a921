package dev.mamori.policy.web;

/**
 * Who may change the classification scheme (in {@code @PreAuthorize}): the 統括責任者 and the committee.
 * Everyone signed in reads it.
 */
final class SchemeAccess {

    static final String EDITORS = "hasAnyRole('CHIEF_OFFICER', 'COMMITTEE')";
    static final String SIGNED_IN = "isAuthenticated()";

    private SchemeAccess() {
    }
}
