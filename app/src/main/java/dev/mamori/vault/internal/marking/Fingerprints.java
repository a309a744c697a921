package dev.mamori.vault.internal.marking;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fingerprints are {@code MF-} and 20 upper-case hex digits (80 random bits): unguessable, short enough for a
 * metadata field, and found again in extracted text by {@link #find}.
 */
public final class Fingerprints {

    /** The word written before the fingerprint in text layers, so it can be found among other text. */
    public static final String PREFIX = "MAMORI-FP ";
    /** The name of the custom document property / metadata key holding the fingerprint. */
    public static final String PROPERTY = "MamoriFingerprint";

    private static final Pattern SHAPE = Pattern.compile("MF-[0-9A-F]{20}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Fingerprints() {
    }

    public static String newFingerprint() {
        byte[] b = new byte[10];
        RANDOM.nextBytes(b);
        return "MF-" + HexFormat.of().withUpperCase().formatHex(b);
    }

    public static boolean valid(String s) {
        return s != null && SHAPE.matcher(s).matches();
    }

    /** The first fingerprint in a text, if any. */
    public static java.util.Optional<String> find(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        Matcher m = SHAPE.matcher(text);
        return m.find() ? java.util.Optional.of(m.group()) : java.util.Optional.empty();
    }

    /** Every fingerprint in a text, each once, in the order they first appear. */
    public static java.util.List<String> findAll(String text) {
        if (text == null) {
            return java.util.List.of();
        }
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        Matcher m = SHAPE.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return java.util.List.copyOf(found);
    }

    /** The 10 bytes of a fingerprint (for image LSB embedding). */
    static byte[] bytes(String fingerprint) {
        return HexFormat.of().parseHex(fingerprint.substring(3));
    }

    static String of(byte[] b) {
        return "MF-" + HexFormat.of().withUpperCase().formatHex(b);
    }
}
