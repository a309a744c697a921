package dev.mamori.platform;

/**
 * The user may not do this.
 */
public class AccessRefusedException extends MamoriException {

    public AccessRefusedException(String messageKey, Object... args) {
        super(messageKey, null, args);
    }

    /** A field only through {@link #onField}, so a text argument is never taken for a field name. */
    private AccessRefusedException(String field, Object[] args, String messageKey) {
        super(messageKey, field, args);
    }

    public static AccessRefusedException onField(String field, String messageKey, Object... args) {
        return new AccessRefusedException(field, args, messageKey);
    }

    @Override
    public int status() {
        return 403;
    }
}
