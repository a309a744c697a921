package dev.mamori.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mamori.ledger.verify.SignedNote;

/**
 * The checkpoint key comes from a configured PKCS#12 keystore when one is given, else from the data directory.
 */
class CheckpointKeysTests {

    @TempDir
    Path dir;

    @Test
    void aKeystoreMadeByKeytoolSignsCheckpointsThatVerifyWithItsPublicKey() throws Exception {
        Path store = keytool("ledger.p12", "checkpoint", "store-secret");

        KeyPair pair = CheckpointKeys.load(dir.resolve("data"), store.toString(), "store-secret", "checkpoint");
        String body = new SignedNote.Checkpoint("example/ledger", 3, new byte[32]).body();
        byte[] raw = SignedNote.rawPublicKey(pair.getPublic());
        String note = SignedNote.sign(body, "example/ledger", pair.getPrivate(), raw);

        assertThat(SignedNote.verify(note, SignedNote.verifierKey("example/ledger", raw))).isEqualTo(body);
        assertThat(dir.resolve("data/ledger")).doesNotExist();
    }

    @Test
    void aWrongAliasIsAClearStartupError() throws Exception {
        Path store = keytool("other.p12", "something-else", "store-secret");

        assertThatThrownBy(() -> CheckpointKeys.load(dir, store.toString(), "store-secret", "checkpoint"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Ed25519 private key under the alias 'checkpoint'")
                .hasMessageContaining("keytool -genkeypair -keyalg Ed25519");
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        Path store = keytool("locked.p12", "checkpoint", "store-secret");

        assertThatThrownBy(() -> CheckpointKeys.load(dir, store.toString(), "not-the-password", "checkpoint"))
                .hasMessageContaining(store.toString());
    }

    @Test
    void withoutAKeystoreTheKeyIsCreatedOnceInTheDataDirectoryAndReused() {
        KeyPair first = CheckpointKeys.load(dir, "", "", "checkpoint");
        KeyPair again = CheckpointKeys.load(dir, null, null, "checkpoint");

        assertThat(dir.resolve("ledger/checkpoint-ed25519.pk8")).exists();
        assertThat(again.getPublic().getEncoded()).isEqualTo(first.getPublic().getEncoded());
    }

    private Path keytool(String file, String alias, String password) throws Exception {
        Path store = dir.resolve(file);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-keyalg", "Ed25519", "-alias", alias,
                "-dname", "CN=Mamori ledger test", "-validity", "30", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", password, "-keypass", password)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return store;
    }
}
