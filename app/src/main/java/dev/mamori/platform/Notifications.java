package dev.mamori.platform;

/**
 * Stores notices in people's inboxes (shown with an unread count in the layout and on
 * {@code /notifications}). Sending joins the caller's transaction. A person without an account has no
 * inbox; sending to them does nothing and returns 0.
 */
public interface Notifications {

    /** Sends to one account; returns the number of inboxes reached (0 or 1). */
    int toAccount(long accountId, Notice notice);

    /** Sends to the account linked to the person. */
    int toPerson(long personId, Notice notice);

    /** Sends to every enabled account holding the role. */
    int toRole(Role role, Notice notice);

    /** Sends to every enabled MANAGER account scoped to the department (not its parents). */
    int toManagersOf(long departmentId, Notice notice);
}
