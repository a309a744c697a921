package dev.mamori.platform;

/**
 * The user may not do this.
 */
public class AccessRefusedException extends MamoriException {

    public AccessRefusedException(String messageKey, Object... args) {
        super(messageKey, null, args);
    }

    public AccessRefusedException(String messageKey, String field, Object... args) {
        super(messageKey, field, args);
    }

    public static AccessRefusedException onField(String field, String messageKey, Object... args) {
        return new AccessRefusedException(messageKey, field, args);
    }

    @Override
    public int status() {
        return 403;
    }
}
