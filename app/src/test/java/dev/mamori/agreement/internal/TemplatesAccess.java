package dev.mamori.agreement.internal;

/** Test access to package-private helpers. */
public final class TemplatesAccess {

    private TemplatesAccess() {
    }

    public static String sha256(byte[] bytes) {
        return Templates.sha256(bytes);
    }
}
