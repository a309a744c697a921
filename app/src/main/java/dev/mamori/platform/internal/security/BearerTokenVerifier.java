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
    public Optional<Authentication> authenticate(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = ApiTokens.hash(secret.strip());
        VerifiedTokens.Verified v = verified.get(hash, now);
        if (v == null) {
            v = load(hash, verified.generation());
            if (v == null) {
                return Optional.empty();
            }
            verified.put(hash, v);
        } else {
            verified.refreshAhead(hash, v, now, generation -> load(hash, generation));
        }
        return accepted(v, now);
    }

    @Override
    public Optional<Authentication> remembered(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = ApiTokens.hash(secret.strip());
        VerifiedTokens.Verified v = verified.get(hash, now);
        if (v == null) {
            return Optional.empty();
        }
        verified.refreshAhead(hash, v, now, generation -> load(hash, generation));
        return accepted(v, now);
    }

    /** The authentication of a verified token, unless its account is disabled or locked now. */
    private static Optional<Authentication> accepted(VerifiedTokens.Verified v, Instant now) {
        AccountRecord a = v.account();
        if (!a.enabled() || a.lockedAt(now)) {
            return Optional.empty();
        }
        return Optional.of(new ApiTokenAuthentication(new MamoriUserDetails(a, v.roles(), now), v.tokenId()));
    }

    /** The token, its account and roles from the database (the token's last use recorded), or null when refused. */
    private VerifiedTokens.Verified load(String hash, long generation) {
        Instant at = clock.instant();
        return tokens.verify(hash).flatMap(t -> accounts.findById(t.accountId())
                .map(a -> new VerifiedTokens.Verified(t.id(), t.expiresAt(), a, accounts.rolesOf(a.id()),
                        generation, at))).orElse(null);
    }
}
