package dev.mamori.vault.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-256-GCM sealing and the file master key: round trips, and every kind of tampering refused. */
class EncryptionTests {

    static final byte[] SECRET = "新型ポンプの設計値 12.5 MPa".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealedBytesOpenWithTheSameKeyAndBinding() {
        byte[] key = Aead.newKey();
        byte[] sealed = Aead.seal(key, SECRET, "file-1");
        assertThat(sealed).isNotEqualTo(SECRET);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("MPa");
        assertThat(Aead.open(key, sealed, "file-1")).isEqualTo(SECRET);
        // a fresh nonce each time: the same plaintext never gives the same ciphertext
        assertThat(Aead.seal(key, SECRET, "file-1")).isNotEqualTo(sealed);
    }

    @Test
    void anyChangedByteTheWrongKeyOrAnotherBindingIsRefused() {
        byte[] key = Aead.newKey();
        byte[] sealed = Aead.seal(key, SECRET, "file-1");
        for (int i = 0; i < sealed.length; i++) {
            byte[] altered = sealed.clone();
            altered[i] ^= 0x40;
            assertThatThrownBy(() -> Aead.open(key, altered, "file-1")).isInstanceOf(Aead.TamperedException.class);
        }
        assertThatThrownBy(() -> Aead.open(Aead.newKey(), sealed, "file-1")).isInstanceOf(Aead.TamperedException.class);
        assertThatThrownBy(() -> Aead.open(key, sealed, "file-2")).isInstanceOf(Aead.TamperedException.class);
        assertThatThrownBy(() -> Aead.open(key, java.util.Arrays.copyOf(sealed, 20), "file-1")).isInstanceOf(Aead.TamperedException.class);
    }

    @Test
    void theMasterKeyFileIsCreatedOwnerOnlyAndReadAgainOnTheNextStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vault/master.key");
        FileKeyWrapper first = new FileKeyWrapper(file);
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        byte[] dataKey = Aead.newKey();
        byte[] wrapped = first.wrap(dataKey);
        FileKeyWrapper second = new FileKeyWrapper(file);
        assertThat(second.keyId()).isEqualTo(first.keyId()).startsWith("file:");
        assertThat(second.unwrap(second.keyId(), wrapped)).isEqualTo(dataKey);
        wrapped[wrapped.length - 1] ^= 1;
        assertThatThrownBy(() -> second.unwrap(second.keyId(), wrapped)).isInstanceOf(Aead.TamperedException.class);
        assertThatThrownBy(() -> second.unwrap("file:other", first.wrap(dataKey))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherMasterKeyCannotUnwrapTheDataKeys(@TempDir Path dir) {
        FileKeyWrapper a = new FileKeyWrapper(dir.resolve("a.key"));
        FileKeyWrapper b = new FileKeyWrapper(dir.resolve("b.key"));
        byte[] wrapped = a.wrap(Aead.newKey());
        assertThatThrownBy(() -> b.unwrap(b.keyId(), wrapped)).isInstanceOf(RuntimeException.class);
    }
}
