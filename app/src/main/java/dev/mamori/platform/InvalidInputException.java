package dev.mamori.platform;

/**
 * The input breaks a business rule.
 */
public class InvalidInputException extends MamoriException {

    public InvalidInputException(String messageKey, Object... args) {
        super(messageKey, null, args);
    }

    public InvalidInputException(String messageKey, String field, Object... args) {
        super(messageKey, field, args);
    }

    public static InvalidInputException onField(String field, String messageKey, Object... args) {
        return new InvalidInputException(messageKey, field, args);
    }

    @Override
    public int status() {
        return 400;
    }
}
