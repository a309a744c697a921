package dev.mamori.platform;

/**
 * Something asked for does not exist.
 */
public class NotFoundException extends MamoriException {

    public NotFoundException(String messageKey, Object... args) {
        super(messageKey, null, args);
    }

    /**
     * Private and with the field last-but-one in a distinct shape, so {@code new NotFoundException(key, "42")} is
     * never read as "field 42": a field only ever comes through {@link #onField}.
     */
    private NotFoundException(String field, Object[] args, String messageKey) {
        super(messageKey, field, args);
    }

    public static NotFoundException onField(String field, String messageKey, Object... args) {
        return new NotFoundException(field, args, messageKey);
    }

    @Override
    public int status() {
        return 404;
    }
}
