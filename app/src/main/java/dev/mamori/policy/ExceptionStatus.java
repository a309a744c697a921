package dev.mamori.policy;

/**
 * Where a department's exception request stands. Only APPROVED exceptions change decisions, and only until
 * their end date; EXPIRED is an approved exception whose end date has passed (computed, never stored).
 */
public enum ExceptionStatus {
    PENDING, APPROVED, REJECTED, WITHDRAWN, REVOKED, EXPIRED;

    public String messageKey() {
        return "policy.exception.status." + name();
    }

    /** Still asking or in force: a second request for the same rule and department would clash. */
    public boolean open() {
        return this == PENDING || this == APPROVED;
    }
}
