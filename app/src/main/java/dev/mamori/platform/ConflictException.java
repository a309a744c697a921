package dev.mamori.platform;

/**
 * The change conflicts with existing records (a duplicate key, a stale version).
 */
public class ConflictException extends MamoriException {

    public ConflictException(String messageKey, Object... args) {
        super(messageKey, null, args);
    }

    public ConflictException(String messageKey, String field, Object... args) {
        super(messageKey, field, args);
    }

    public static ConflictException onField(String field, String messageKey, Object... args) {
        return new ConflictException(messageKey, field, args);
    }

    @Override
    public int status() {
        return 409;
    }
}
