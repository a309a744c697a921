package dev.mamori.platform;

/**
 * The input breaks a business rule.
 */
public class InvalidInputException extends MamoriException {

    public InvalidInputException(String messageKey, Object... args) {
        super(messageKey, null, args);
    }

    /** A field only through {@link #onField}, so a text argument is never taken for a field name. */
    private InvalidInputException(String field, Object[] args, String messageKey) {
        super(messageKey, field, args);
    }

    public static InvalidInputException onField(String field, String messageKey, Object... args) {
        return new InvalidInputException(field, args, messageKey);
    }

    @Override
    public int status() {
        return 400;
    }
}
