package dev.mamori.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mamori.inventory.Register;
import dev.mamori.support.MamoriTest;

/**
 * With a key store that keeps a key per data key (as a KMS would), disposing of a document destroys those keys
 * once the disposal is committed, so a wrapped key saved beforehand — as in a database backup — opens nothing.
 * Its own application context, since it replaces the master-key file with that key store.
 */
@MamoriTest
@Import(VaultKeyDestructionTests.KeyStore.class)
class VaultKeyDestructionTests {

    /** A stand-in KMS: the wrapped key is a handle to a key it keeps, and destroying it forgets the key. */
    static final class PerKeyStore implements KeyWrapper {
        final Map<String, byte[]> kept = new ConcurrentHashMap<>();
        final List<String> destroyed = new CopyOnWriteArrayList<>();
        private final SecureRandom random = new SecureRandom();

        @Override
        public String keyId() {
            return "test-kms";
        }

        @Override
        public byte[] wrap(byte[] dataKey) {
            byte[] handle = new byte[16];
            random.nextBytes(handle);
            kept.put(HexFormat.of().formatHex(handle), dataKey.clone());
            return handle;
        }

        @Override
        public byte[] unwrap(String keyId, byte[] wrapped) {
            byte[] key = kept.get(HexFormat.of().formatHex(wrapped));
            if (key == null) {
                throw new IllegalStateException("no such key: destroyed");
            }
            return key.clone();
        }

        @Override
        public void destroyed(String keyId, byte[] wrapped) {
            destroyed.add(HexFormat.of().formatHex(wrapped));
            kept.remove(HexFormat.of().formatHex(wrapped));
        }
    }

    @TestConfiguration
    static class KeyStore {
        @Bean
        @org.springframework.context.annotation.Primary // over the master-key file the vault configures by default
        PerKeyStore perKeyStore() {
            return new PerKeyStore();
        }
    }

    @Autowired ApplicationContext context;
    @Autowired Vault vault;
    @Autowired PerKeyStore store;
    @Autowired KeyWrapper keys;
    @Autowired JdbcClient jdbc;

    @Test
    void disposalDestroysEveryVersionsKeyInTheKeyStoreSoASavedWrappedKeyOpensNothing() {
        assertThat(keys).isSameAs(store);
        VaultFixture f = new VaultFixture(context);
        long doc = f.uploadPdf("鍵を破棄する文書");
        Register.as(f.manager, () -> vault.addVersion(doc, new Upload("v2.pdf", "application/pdf",
                dev.mamori.vault.internal.marking.SampleFiles.pdf(dev.mamori.vault.internal.marking.MarkFont.locate(null),
                        "第二版", "本文", 1))));
        // what a database backup taken now would hold
        List<byte[]> backedUp = jdbc.sql("select wrapped_key from vault.version where document_id = ? order by number")
                .param(doc).query(byte[].class).list();
        assertThat(backedUp).hasSize(2);
        for (byte[] w : backedUp) {
            assertThat(keys.unwrap("test-kms", w)).hasSize(32);
        }

        Register.as(f.manager, () -> vault.dispose(doc, "保存期間満了"));

        assertThat(store.destroyed).containsExactlyInAnyOrderElementsOf(
                backedUp.stream().map(HexFormat.of()::formatHex).toList());
        for (byte[] w : backedUp) {
            assertThatThrownBy(() -> keys.unwrap("test-kms", w)).hasMessageContaining("destroyed");
        }
    }
}
