package dev.mamori.directory.internal.scim;

/**
 * A SCIM error (RFC 7644 3.12): the HTTP status, the SCIM error type where one applies (e.g.
 * {@code invalidFilter}, {@code uniqueness}, {@code invalidValue}, {@code noTarget}) and a readable detail.
 */
public class ScimException extends RuntimeException {

    private final int status;
    private final String scimType;

    public ScimException(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    public int status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }

    public static ScimException invalidValue(String detail) {
        return new ScimException(400, "invalidValue", detail);
    }

    public static ScimException notFound(String id) {
        return new ScimException(404, null, "Resource " + id + " not found");
    }
}
