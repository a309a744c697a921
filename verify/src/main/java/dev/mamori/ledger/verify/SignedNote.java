package dev.mamori.ledger.verify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Signed notes of the C2SP {@code signed-note} specification with Ed25519 keys, and the checkpoints of
 * C2SP {@code tlog-checkpoint} carried in them: the body is {@code origin\nsize\nbase64(root)\n}, a blank
 * line follows, then one line per signature: {@code — name base64(keyID || signature)}. The key ID is the
 * first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key). A verifier key is written
 * {@code name+hex(keyID)+base64(0x01 || public key)}.
 */
public final class SignedNote {

    static final byte ED25519 = 0x01;
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private SignedNote() {
    }

    /** A checkpoint: the log's origin line, its size and its root hash. */
    public record Checkpoint(String origin, long size, byte[] root) {

        public String body() {
            return origin + "\n" + Long.toUnsignedString(size) + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
        }
    }

    public static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    public static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        byte[] encoded = new byte[X509_PREFIX.length + raw.length];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }

    public static byte[] keyId(String name, byte[] rawPublicKey) {
        MessageDigest d = Merkle.sha256();
        d.update(name.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0x0A);
        d.update(ED25519);
        return Arrays.copyOf(d.digest(rawPublicKey), 4);
    }

    /** The verifier key string for publication. */
    public static String verifierKey(String name, byte[] rawPublicKey) {
        byte[] typed = new byte[33];
        typed[0] = ED25519;
        System.arraycopy(rawPublicKey, 0, typed, 1, 32);
        return name + "+" + HexFormat.of().formatHex(keyId(name, rawPublicKey)) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** Signs a note body (which must end with a newline) and returns the whole signed note. */
    public static String sign(String body, String name, PrivateKey key, byte[] rawPublicKey) throws GeneralSecurityException {
        if (!body.endsWith("\n") || name.contains(" ") || name.contains("+")) {
            throw new IllegalArgumentException("a note body ends with a newline; a key name has no spaces or '+'");
        }
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key);
        s.update(body.getBytes(StandardCharsets.UTF_8));
        byte[] sig = s.sign();
        byte[] blob = new byte[4 + sig.length];
        System.arraycopy(keyId(name, rawPublicKey), 0, blob, 0, 4);
        System.arraycopy(sig, 0, blob, 4, sig.length);
        return body + "\n\u2014 " + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /** The note's body when a signature line by the given verifier key verifies, otherwise null. */
    public static String verify(String note, String verifierKey) {
        try {
            String[] vk = verifierKey.strip().split("\\+", 3);
            if (vk.length != 3) {
                return null;
            }
            String name = vk[0];
            byte[] typed = Base64.getDecoder().decode(vk[2]);
            if (typed.length != 33 || typed[0] != ED25519) {
                return null;
            }
            byte[] raw = Arrays.copyOfRange(typed, 1, 33);
            byte[] id = keyId(name, raw);
            if (!Arrays.equals(id, HexFormat.of().parseHex(vk[1]))) {
                return null;
            }
            int split = note.lastIndexOf("\n\n");
            if (split < 0) {
                return null;
            }
            String body = note.substring(0, split + 1);
            PublicKey key = publicKey(raw);
            for (String line : note.substring(split + 2).split("\n")) {
                if (!line.startsWith("\u2014 " + name + " ")) {
                    continue;
                }
                byte[] blob = Base64.getDecoder().decode(line.substring(("\u2014 " + name + " ").length()).strip());
                if (blob.length < 5 || !Arrays.equals(Arrays.copyOf(blob, 4), id)) {
                    continue;
                }
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(key);
                s.update(body.getBytes(StandardCharsets.UTF_8));
                if (s.verify(Arrays.copyOfRange(blob, 4, blob.length))) {
                    return body;
                }
            }
            return null;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Reads a checkpoint body (the text a verified note signs). */
    public static Checkpoint parseCheckpoint(String body) {
        String[] lines = body.split("\n", -1);
        if (lines.length < 4 || lines[0].isEmpty()) {
            throw new IllegalArgumentException("not a checkpoint");
        }
        return new Checkpoint(lines[0], Long.parseUnsignedLong(lines[1]), Base64.getDecoder().decode(lines[2]));
    }
}
