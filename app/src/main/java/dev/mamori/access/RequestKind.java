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

    public String messageKey() {
        return "access.request.kind." + name();
    }
}
