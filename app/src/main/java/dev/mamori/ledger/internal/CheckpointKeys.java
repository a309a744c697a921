package dev.mamori.ledger.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the checkpoint signing key comes from: a PKCS#12 keystore the operator configured (an Ed25519
 * private-key entry, e.g. made with {@code keytool -genkeypair -keyalg Ed25519}), or else a key pair kept in
 * the data directory and created on first use.
 */
final class CheckpointKeys {

    private static final Logger log = LoggerFactory.getLogger(CheckpointKeys.class);

    private CheckpointKeys() {
    }

    static KeyPair load(Path dataDir, String keystore, String password, String alias) {
        if (keystore != null && !keystore.isBlank()) {
            return fromKeystore(Path.of(keystore), password == null ? new char[0] : password.toCharArray(), alias);
        }
        return inDirectory(dataDir.resolve("ledger"));
    }

    static KeyPair fromKeystore(Path file, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            Key key = store.getKey(alias, password);
            Certificate certificate = store.getCertificate(alias);
            if (!(key instanceof EdECPrivateKey priv) || certificate == null) {
                throw new IllegalStateException("The keystore " + file + " has no Ed25519 private key under the alias '"
                        + alias + "' (mamori.ledger.key-alias). Create one with: keytool -genkeypair -keyalg Ed25519 "
                        + "-alias " + alias + " -storetype PKCS12 -keystore " + file);
            }
            log.info("Checkpoints are signed with the key '{}' of the keystore {}", alias, file);
            return new KeyPair(certificate.getPublicKey(), priv);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ledger keystore " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the ledger keystore " + file + ": " + e.getMessage(), e);
        }
    }

    static KeyPair inDirectory(Path keyDir) {
        Path privateFile = keyDir.resolve("checkpoint-ed25519.pk8");
        Path publicFile = keyDir.resolve("checkpoint-ed25519.pub");
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile)));
                PublicKey pub = factory.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile)));
                return new KeyPair(pub, priv);
            }
            Files.createDirectories(keyDir);
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.write(privateFile, pair.getPrivate().getEncoded());
            try {
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.write(publicFile, pair.getPublic().getEncoded());
            log.info("Created the ledger's checkpoint signing key in {}", keyDir.toAbsolutePath());
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
