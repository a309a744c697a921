package dev.mamori.policy;

/**
 * Who may act under a rule. {@link #ANYONE_IN_SCOPE}: anyone within the entry's access scope (the caller's
 * access-holder answer); {@link #ACCESS_HOLDERS}: the entry's access holders; {@link #MANAGER_ONLY}: its
 * 管理責任者 only. With only one access-holder answer from the register, the first two decide alike for now.
 */
public enum Permitted {
    ANYONE_IN_SCOPE, ACCESS_HOLDERS, MANAGER_ONLY;

    public String messageKey() {
        return "policy.permitted." + name();
    }
}
