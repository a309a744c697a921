package dev.mamori.platform;

/**
 * Something asked for does not exist.
 */
public class NotFoundException extends MamoriException {

    public NotFoundException(String messageKey, Object... args) {
        super(messageKey, null, args);
    }

    public NotFoundException(String messageKey, String field, Object... args) {
        super(messageKey, field, args);
    }

    public static NotFoundException onField(String field, String messageKey, Object... args) {
        return new NotFoundException(messageKey, field, args);
    }

    @Override
    public int status() {
        return 404;
    }
}
