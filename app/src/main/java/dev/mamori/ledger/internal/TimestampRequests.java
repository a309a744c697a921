package dev.mamori.ledger.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

import dev.mamori.ledger.verify.Merkle;

/**
 * RFC 3161 requests (SHA-256 imprint, a random 64-bit nonce, the TSA certificate asked for) and the check
 * of a response against its request: granted, same imprint, same nonce.
 */
final class TimestampRequests {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimestampRequests() {
    }

    static TimeStampRequest request(byte[] data) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        return generator.generate(TSPAlgorithms.SHA256, Merkle.sha256().digest(data), new BigInteger(64, RANDOM));
    }

    /** The response's DER when it answers the request; otherwise an exception saying why not. */
    static byte[] checked(TimeStampRequest request, byte[] response) {
        try {
            TimeStampResponse r = new TimeStampResponse(response);
            r.validate(request); // status granted, imprint, nonce, policy, certificate requested
            if (r.getTimeStampToken() == null) {
                throw new IllegalStateException("the TSA granted no token: " + r.getStatusString());
            }
            return r.getEncoded();
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("the TSA's response does not answer the request: " + e.getMessage(), e);
        }
    }
}
