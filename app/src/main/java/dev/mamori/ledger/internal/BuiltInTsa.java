package dev.mamori.ledger.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mamori.ledger.verify.TimestampCheck;

/**
 * Mamori's built-in time-stamping authority, used when no external TSA is configured. On first use it creates,
 * in {@code <data dir>/ledger/tsa/}, its own self-signed CA (ca.pem, ca.pk8) and a TSA certificate issued by that
 * CA with the critical extended key usage timeStamping (tsa.pem, tsa.pk8), ECDSA P-256. Its tokens verify with
 * {@code openssl ts -verify -CAfile ca.pem}, but it is NOT an accredited third party: it proves only that the
 * Mamori installation itself held the checkpoint at that time, by its own clock.
 */
final class BuiltInTsa implements TimestampAuthority {

    private static final Logger log = LoggerFactory.getLogger(BuiltInTsa.class);
    /** Mamori's TSA policy: a UUID-based OID (ITU-T X.667, arc 2.25) Mamori generated for itself. */
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.25.152748212866236435569893104926785430273");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Clock clock;
    private volatile State state;

    private record State(X509Certificate ca, X509Certificate tsa, PrivateKey tsaKey) {
    }

    BuiltInTsa(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    @Override
    public boolean builtIn() {
        return true;
    }

    @Override
    public String url() {
        return null;
    }

    @Override
    public List<X509Certificate> trustAnchors() {
        return List.of(state().ca());
    }

    X509Certificate tsaCertificate() {
        return state().tsa();
    }

    @Override
    public byte[] stamp(byte[] data) {
        TimeStampRequest request = TimestampRequests.request(data);
        return TimestampRequests.checked(request, respond(request));
    }

    /** Answers a request as a TSA does (the TimeStampResp DER). */
    byte[] respond(TimeStampRequest request) {
        State s = state();
        try {
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", s.tsaKey(), s.tsa()),
                    new JcaDigestCalculatorProviderBuilder().build()
                            .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    POLICY);
            tokens.addCertificates(new JcaCertStore(List.of(s.tsa())));
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
            return responses.generate(request, new BigInteger(64, RANDOM), Date.from(clock.instant())).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("The built-in TSA could not stamp: " + e.getMessage(), e);
        }
    }

    private State state() {
        State s = state;
        if (s == null) {
            synchronized (this) {
                if (state == null) {
                    state = loadOrCreate();
                }
                s = state;
            }
        }
        return s;
    }

    private State loadOrCreate() {
        try {
            Path caPem = dir.resolve("ca.pem");
            Path tsaPem = dir.resolve("tsa.pem");
            Path tsaKey = dir.resolve("tsa.pk8");
            if (Files.exists(caPem) && Files.exists(tsaPem) && Files.exists(tsaKey)) {
                X509Certificate ca = TimestampCheck.certificates(Files.readAllBytes(caPem)).get(0);
                X509Certificate tsa = TimestampCheck.certificates(Files.readAllBytes(tsaPem)).get(0);
                PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(tsaKey)));
                return new State(ca, tsa, key);
            }
            Files.createDirectories(dir);
            KeyPair caKeys = ecKeys();
            KeyPair tsaKeys = ecKeys();
            Instant now = clock.instant();
            Date from = Date.from(now.minus(Duration.ofDays(1)));
            Date until = Date.from(now.plus(Duration.ofDays(365L * 30)));
            X500Principal caName = new X500Principal(
                    "CN=Mamori built-in time-stamping CA (NOT an accredited TSA), O=Mamori");
            X500Principal tsaName = new X500Principal(
                    "CN=Mamori built-in TSA (NOT an accredited TSA), O=Mamori");
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();

            var caBuilder = new JcaX509v3CertificateBuilder(caName, new BigInteger(64, RANDOM), from, until, caName, caKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caKeys.getPublic()));
            X509Certificate ca = new JcaX509CertificateConverter().getCertificate(
                    caBuilder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));

            var tsaBuilder = new JcaX509v3CertificateBuilder(ca, new BigInteger(64, RANDOM), from, until, tsaName, tsaKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(tsaKeys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
            X509Certificate tsa = new JcaX509CertificateConverter().getCertificate(
                    tsaBuilder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));

            writePrivate(dir.resolve("ca.pk8"), caKeys.getPrivate().getEncoded());
            writePrivate(tsaKey, tsaKeys.getPrivate().getEncoded());
            Files.writeString(caPem, pem(ca));
            Files.writeString(tsaPem, pem(tsa));
            Files.writeString(dir.resolve("README.txt"), """
                    Mamori built-in time-stamping authority / Mamori 内蔵タイムスタンプ局
                    NOT an accredited third-party TSA. It proves only that this Mamori installation held the data at the
                    stated time by its own clock. Configure mamori.ledger.tsa-url for an accredited TSA.
                    認定タイムスタンプ局ではありません。このMamoriが自分の時計でその時刻にデータを持っていたことを示すだけです。
                    """, StandardCharsets.UTF_8);
            log.info("Created the built-in time-stamping authority (not an accredited TSA) in {}", dir.toAbsolutePath());
            return new State(ca, tsa, tsaKeys.getPrivate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("Could not create the built-in TSA", e);
        }
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static void writePrivate(Path file, byte[] der) throws IOException {
        Files.write(file, der);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }

    static String pem(X509Certificate certificate) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
