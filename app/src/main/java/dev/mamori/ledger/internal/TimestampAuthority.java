package dev.mamori.ledger.internal;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * An RFC 3161 time-stamping authority: stamps the SHA-256 of some data and returns the whole
 * TimeStampResp (DER), already checked against the request's imprint and nonce.
 */
interface TimestampAuthority {

    byte[] stamp(byte[] data);

    /** True for Mamori's own TSA, which is not an accredited third party. */
    boolean builtIn();

    /** The URL of an external TSA, or null. */
    String url();

    /** The CA certificates a verifier trusts for this TSA's tokens (may be empty for an external TSA). */
    List<X509Certificate> trustAnchors();
}
