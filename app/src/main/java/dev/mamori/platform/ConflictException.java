package dev.mamori.platform;

/**
 * The change conflicts with existing records (a duplicate key, a stale version).
 */
public class ConflictException extends MamoriException {

    public ConflictException(String messageKey, Object... args) {
        super(messageKey, null, args);
    }

    /** A field only through {@link #onField}, so a text argument is never taken for a field name. */
    private ConflictException(String field, Object[] args, String messageKey) {
        super(messageKey, field, args);
    }

    public static ConflictException onField(String field, String messageKey, Object... args) {
        return new ConflictException(field, args, messageKey);
    }

    @Override
    public int status() {
        return 409;
    }
}
