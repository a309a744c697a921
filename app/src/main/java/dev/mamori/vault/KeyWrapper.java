package dev.mamori.vault;

/**
 * Wraps and unwraps the per-file data keys (the KMS port). The default wraps with a master key kept in a file
 * of the data directory; a bean of this type replaces it, e.g. one that calls an external KMS. A wrapper must
 * refuse (throw) rather than return a wrong key when the wrapped bytes were altered.
 */
public interface KeyWrapper {

    /** The id of the master key that {@link #wrap} uses now (stored beside each wrapped key). */
    String keyId();

    /** The data key wrapped (encrypted) under the current master key. */
    byte[] wrap(byte[] dataKey);

    /** The data key back; {@code keyId} is the id stored with the wrapped bytes. */
    byte[] unwrap(String keyId, byte[] wrapped);

    /**
     * The wrapped data key will never be unwrapped again: its document was disposed of (called once the disposal is
     * committed, for each version). A KMS that keeps a key of its own per data key destroys that key here, which
     * makes every copy of the wrapped key — database backups included — useless (see docs/vault.md). The default
     * master-key file wraps every data key under one key: there is nothing to destroy.
     */
    default void destroyed(String keyId, byte[] wrapped) {
    }
}
