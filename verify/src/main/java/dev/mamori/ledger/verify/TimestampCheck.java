package dev.mamori.ledger.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Checks an RFC 3161 time-stamp response (the {@code .tsr} file, TimeStampResp DER) over some data: the
 * status is granted, the message imprint is SHA-256 of the data, the token's CMS signature verifies with the
 * TSA certificate it carries (which must have the critical extended key usage timeStamping), and that
 * certificate chains to one of the trusted CA certificates, valid at the time of the stamp.
 */
public final class TimestampCheck {

    /** The outcome: {@code genTime} is set when the token holds; otherwise {@code problem} says why not. */
    public record Result(Date genTime, String tsaSubject, String problemJa, String problemEn) {

        public boolean holds() {
            return problemEn == null;
        }

        static Result fail(String ja, String en) {
            return new Result(null, null, ja, en);
        }
    }

    private TimestampCheck() {
    }

    public static Result check(byte[] response, byte[] data, Collection<X509Certificate> trusted) {
        TimeStampToken token;
        try {
            TimeStampResponse r = new TimeStampResponse(response);
            token = r.getTimeStampToken();
            if (r.getStatus() > 1 || token == null) {
                return Result.fail("タイムスタンプが発行されていません (status " + r.getStatus() + ")",
                        "the time-stamp was not granted (status " + r.getStatus() + ")");
            }
        } catch (TSPException | IOException | RuntimeException e) {
            return Result.fail("タイムスタンプを読めません: " + e.getMessage(), "cannot read the time-stamp: " + e.getMessage());
        }
        return checkToken(token, data, trusted);
    }

    public static Result checkToken(TimeStampToken token, byte[] data, Collection<X509Certificate> trusted) {
        var info = token.getTimeStampInfo();
        if (!TSPAlgorithms.SHA256.equals(info.getMessageImprintAlgOID())) {
            return Result.fail("タイムスタンプのハッシュ関数が SHA-256 ではありません",
                    "the time-stamp's imprint is not SHA-256");
        }
        byte[] expected = Merkle.sha256().digest(data);
        if (!MessageDigest.isEqual(expected, info.getMessageImprintDigest())) {
            return Result.fail("タイムスタンプの対象 (SHA-256) がデータと一致しません",
                    "the time-stamp's imprint does not match SHA-256 of the data");
        }
        try {
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
            if (matches.isEmpty()) {
                return Result.fail("タイムスタンプに TSA 証明書が含まれていません",
                        "the time-stamp does not carry the TSA certificate");
            }
            X509CertificateHolder holder = matches.iterator().next();
            // checks the signature, the signing-certificate attribute, the validity at genTime and the
            // critical extended key usage timeStamping
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            X509Certificate tsa = converter.getCertificate(holder);
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(tsa);
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> all = token.getCertificates().getMatches(null);
            for (X509CertificateHolder h : all) {
                X509Certificate c = converter.getCertificate(h);
                if (!c.equals(tsa) && !isSelfSigned(c)) {
                    chain.add(c);
                }
            }
            if (!chains(chain, trusted, info.getGenTime())) {
                return Result.fail("TSA 証明書が同梱の CA 証明書につながりません",
                        "the TSA certificate does not chain to the included CA certificate");
            }
            return new Result(info.getGenTime(), tsa.getSubjectX500Principal().getName(), null, null);
        } catch (TSPException | GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                 | RuntimeException e) {
            return Result.fail("タイムスタンプの署名または証明書が正しくありません: " + e.getMessage(),
                    "the time-stamp's signature or certificate is not valid: " + e.getMessage());
        }
    }

    private static boolean isSelfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean chains(List<X509Certificate> chain, Collection<X509Certificate> trusted, Date at) {
        if (trusted.isEmpty()) {
            return false;
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate t : trusted) {
                anchors.add(new TrustAnchor(t, null));
            }
            // a chain that is only the trusted certificate itself
            for (X509Certificate t : trusted) {
                if (Arrays.equals(t.getEncoded(), chain.get(0).getEncoded())) {
                    return true;
                }
            }
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false); // no CRL/OCSP offline; the time-stamp says when it was signed
            params.setDate(at);
            CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(chain), params);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Reads every certificate of a PEM (or DER) file. */
    public static List<X509Certificate> certificates(byte[] pemOrDer) throws GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        for (var c : cf.generateCertificates(new ByteArrayInputStream(pemOrDer))) {
            out.add((X509Certificate) c);
        }
        return out;
    }
}
