package dev.mamori.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;

import org.junit.jupiter.api.Test;

class SignedNoteTests {

    @Test
    void verifiesWithKeysWhoseBase64ContainsPlusSigns() throws Exception {
        for (int i = 0; i < 20; i++) {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] raw = SignedNote.rawPublicKey(pair.getPublic());
            String note = SignedNote.sign("o\n1\nAAAA\n", "mamori/ledger", pair.getPrivate(), raw);
            assertThat(SignedNote.verify(note, SignedNote.verifierKey("mamori/ledger", raw))).isEqualTo("o\n1\nAAAA\n");
        }
    }

    @Test
    void signsAndVerifiesACheckpointAndRefusesAlterations() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] raw = SignedNote.rawPublicKey(pair.getPublic());
        var checkpoint = new SignedNote.Checkpoint("mamori.example/ledger", 42, Merkle.leafHash(new byte[] {1}));
        String note = SignedNote.sign(checkpoint.body(), "mamori.example", pair.getPrivate(), raw);
        String vkey = SignedNote.verifierKey("mamori.example", raw);

        String body = SignedNote.verify(note, vkey);
        assertThat(body).isEqualTo(checkpoint.body());
        var parsed = SignedNote.parseCheckpoint(body);
        assertThat(parsed.size()).isEqualTo(42);
        assertThat(parsed.root()).isEqualTo(checkpoint.root());

        assertThat(SignedNote.verify(note.replace("\n42\n", "\n43\n"), vkey)).isNull();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThat(SignedNote.verify(note, SignedNote.verifierKey("mamori.example", SignedNote.rawPublicKey(other.getPublic()))))
                .isNull();
        assertThat(note).contains("\n\n\u2014 mamori.example ");
    }
}
