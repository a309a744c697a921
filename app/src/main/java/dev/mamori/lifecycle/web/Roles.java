package dev.mamori.lifecycle.web;

/** Who may use the lifecycle pages and endpoints (data scopes are applied by the services). */
final class Roles {

    static final String LEAVER_READERS = "hasAnyRole('HR','MANAGER','CHIEF_OFFICER','AUDITOR','IT_SECURITY')";
    static final String LEAVER_EDITORS = "hasAnyRole('HR','MANAGER')";
    static final String LENDERS = "hasAnyRole('HR','MANAGER','IT_SECURITY')";
    static final String HIRE_READERS = "hasAnyRole('HR','LEGAL','CHIEF_OFFICER','MANAGER')";
    static final String HIRE_RECORDERS = "hasAnyRole('HR','LEGAL')";
    static final String HIRE_CHECKERS = "hasAnyRole('HR','MANAGER')";

    private Roles() {
    }
}
