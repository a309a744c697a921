package dev.mamori.platform;

import java.util.Arrays;

/**
 * A refusal a user can understand: a message key (resolved in Japanese or English), its arguments,
 * the HTTP status it maps to and optionally the form field it concerns.
 */
public abstract class MamoriException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;
    private final String field;

    protected MamoriException(String messageKey, String field, Object... args) {
        super(messageKey + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.messageKey = messageKey;
        this.field = field;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    /** The form field this refusal concerns, or null. */
    public String field() {
        return field;
    }

    public abstract int status();
}
