package dev.mamori.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * API bearer tokens for a listener outside the servlet container's filter chain (the access module's check
 * listener): the same verification the API's filter makes, with the same short memory of recent verifications.
 */
public interface BearerTokens {

    /**
     * The token's authentication when it is accepted now — known, not expired or revoked, its account enabled and
     * not locked — or empty. Reads the database unless the token was verified a moment ago.
     */
    Optional<Authentication> authenticate(String secret);

    /**
     * The token's authentication from memory only: present when the token was verified a moment ago and is still
     * accepted; empty otherwise (not verified lately, or refused), when {@link #authenticate} decides.
     */
    Optional<Authentication> remembered(String secret);
}
