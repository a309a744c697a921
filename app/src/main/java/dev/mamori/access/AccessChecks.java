package dev.mamori.access;

import java.util.List;

/**
 * The gate every access to a register entry goes through. Answers from an in-memory index of the entries'
 * designations, the people's departments, roles and project groups, and the need-to-know grants (kept
 * current after each commit), combined with {@link dev.mamori.policy.Policy#decide}; no database access.
 * <p>
 * How an answer is made, in order: an unknown person or entry, a person who has left (退職済), or a disposed
 * entry is refused. An entry that is <em>not designated</em> as a secret is not secret information under the
 * standard (which has rules only for its levels), so it is allowed without approval or obligations to
 * anyone still with the company (reason {@code access.check.notDesignated}); the register's own visibility
 * still applies to its pages. For a designated entry, the person is an access holder when the designation
 * names them (directly, through one of their departments or a department above it, a role of their
 * account, or a project group; such holders have every access level) or an active grant covers them with
 * an access level the action needs ({@link AccessLevel#requiredFor}); they are its 管理責任者 when they are the
 * entry's responsible person or a manager of its department. A holder whose grants are too narrow for
 * the action is refused ({@code access.check.grantTooNarrow}); otherwise the policy decides.
 */
public interface AccessChecks {

    /** Decides one action of a person on an information entry (inventory asset id); no caller checks. */
    AccessCheck check(AccessQuestion question);

    List<AccessCheck> checkAll(List<AccessQuestion> questions);
}
