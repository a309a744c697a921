package dev.mamori.access;

import dev.mamori.policy.Action;

/** What a request asks for, with the policy action that routes it. */
public enum RequestKind {
    ACCESS(Action.VIEW),
    TAKE_OUT(Action.TAKE_OUT),
    COPY(Action.COPY),
    PRINT(Action.PRINT),
    EMAIL_OUTSIDE(Action.EMAIL_OUTSIDE),
    PROVIDE_TO_THIRD_PARTY(Action.PROVIDE_TO_THIRD_PARTY),
    DISPOSE(Action.DISPOSE);

    private final Action action;

    RequestKind(Action action) {
        this.action = action;
    }

    public Action action() {
        return action;
    }

    /**
     * Whether the act passes the information on to someone the requester names (e-mail outside the company,
     * giving to a third party): the approver needs to know whom.
     */
    public boolean namesRecipient() {
        return this == EMAIL_OUTSIDE || this == PROVIDE_TO_THIRD_PARTY;
    }

    public String messageKey() {
        return "access.request.kind." + name();
    }
}
