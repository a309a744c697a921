package dev.mamori.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * API bearer tokens for a listener outside the servlet container's filter chain (the access module's check
 * listener): the same verification the API's filter makes, with the same short memory of recent verifications.
 */
public interface BearerTokens {

    /**
     * What a token is looked up by: the digest of its secret (the secret itself is never stored). A listener that
     * is sent the same secret again on a connection may keep the digest rather than compute it for every request.
     */
    record Digest(String hex) {

        @Override
        public String toString() {
            return "Digest[…]";
        }
    }

    /** The digest of a presented secret (surrounding blanks ignored); null for none or a blank one. */
    Digest digest(String secret);

    /**
     * The token's authentication when it is accepted now — known, not expired or revoked, its account enabled and
     * not locked — or empty. Reads the database unless the token was verified a moment ago.
     */
    Optional<Authentication> authenticate(Digest digest);

    /** {@link #authenticate(Digest)} for a presented secret. */
    default Optional<Authentication> authenticate(String secret) {
        Digest digest = digest(secret);
        return digest == null ? Optional.empty() : authenticate(digest);
    }

    /**
     * The token's authentication from memory only: present when the token was verified a moment ago and is still
     * accepted; empty otherwise (not verified lately, or refused), when {@link #authenticate} decides.
     */
    Optional<Authentication> remembered(Digest digest);
}
