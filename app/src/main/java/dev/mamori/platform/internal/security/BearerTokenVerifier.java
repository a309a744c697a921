package dev.mamori.platform.internal.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import dev.mamori.platform.BearerTokens;

/**
 * Verifies API bearer tokens: from a recent verification while it is still trusted ({@link VerifiedTokens}),
 * else from the database (token, its last use, account, roles). Whether the account is enabled and not locked is
 * judged on every call. Used by the API's filter chain and by listeners outside it.
 */
@Component
class BearerTokenVerifier implements BearerTokens {

    private final ApiTokens tokens;
    private final AccountRepository accounts;
    private final VerifiedTokens verified;
    private final Clock clock;

    BearerTokenVerifier(ApiTokens tokens, AccountRepository accounts, VerifiedTokens verified, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.verified = verified;
        this.clock = clock;
    }

    @Override
    public Digest digest(String secret) {
        return secret == null || secret.isBlank() ? null : new Digest(ApiTokens.hash(secret.strip()));
    }

    @Override
    public Optional<Authentication> authenticate(Digest digest) {
        return verify(digest, true);
    }

    @Override
    public Optional<Authentication> remembered(Digest digest) {
        return verify(digest, false);
    }

    /**
     * From a trusted recent verification (refreshed ahead when due), else — when {@code fromDatabase} — from the
     * database, else empty.
     */
    private Optional<Authentication> verify(Digest digest, boolean fromDatabase) {
        if (digest == null) {
            return Optional.empty();
        }
        String hash = digest.hex();
        Instant now = clock.instant();
        VerifiedTokens.Verified v = verified.get(hash, now);
        if (v != null) {
            verified.refreshAhead(hash, v, now, generation -> load(hash, generation));
        } else if (fromDatabase) {
            v = load(hash, verified.generation());
            if (v == null) {
                return Optional.empty();
            }
            verified.put(hash, v);
        } else {
            return Optional.empty();
        }
        return accepted(v, now);
    }

    /**
     * The authentication of a verified token, unless its account is disabled or locked now. The principal built
     * with the verification is shared by the requests that meet it (built anew only when a lock it saw has ended).
     */
    static Optional<Authentication> accepted(VerifiedTokens.Verified v, Instant now) {
        AccountRecord a = v.account();
        if (!a.enabled() || a.lockedAt(now)) {
            return Optional.empty();
        }
        MamoriUserDetails principal = v.principal().isAccountNonLocked() ? v.principal()
                : new MamoriUserDetails(a, v.roles(), now);
        return Optional.of(new ApiTokenAuthentication(principal, v.tokenId()));
    }

    /** The token, its account and roles from the database (the token's last use recorded), or null when refused. */
    private VerifiedTokens.Verified load(String hash, long generation) {
        Instant at = clock.instant();
        return tokens.verify(hash).flatMap(t -> accounts.findById(t.accountId())
                .map(a -> new VerifiedTokens.Verified(t.id(), t.expiresAt(), a, accounts.rolesOf(a.id()),
                        generation, at))).orElse(null);
    }
}
