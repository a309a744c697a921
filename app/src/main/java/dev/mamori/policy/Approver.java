package dev.mamori.policy;

/** Whose approval a rule requires before acting. */
public enum Approver {
    NONE, MANAGER;

    public String messageKey() {
        return "policy.approver." + name();
    }
}
