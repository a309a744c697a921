package dev.mamori.platform.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.MamoriProperties;
import dev.mamori.platform.NotFoundException;

/**
 * Personal API tokens: shown once on creation, stored only as a SHA-256 hash, with an expiry.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "mmr_";
    public static final int MAX_VALIDITY_DAYS = 365;
    public static final int MAX_NAME_LENGTH = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Clock clock;
    private final Duration defaultValidity;
    private final VerifiedTokens verified;

    ApiTokens(JdbcClient jdbc, Ledger ledger, Clock clock, MamoriProperties properties, VerifiedTokens verified) {
        this.jdbc = jdbc;
        this.verified = verified;
        this.ledger = ledger;
        this.clock = clock;
        this.defaultValidity = properties.security().tokenValidity();
    }

    public enum Status { ACTIVE, EXPIRED, REVOKED }

    public record TokenView(long id, String name, String prefix, Instant createdAt, Instant expiresAt,
                            Instant revokedAt, Instant lastUsedAt) {
        public boolean activeAt(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }

        public Status statusAt(Instant now) {
            if (revokedAt != null) {
                return Status.REVOKED;
            }
            return expiresAt.isAfter(now) ? Status.ACTIVE : Status.EXPIRED;
        }
    }

    /** A new token; {@code secret} is shown to the user once and never again. */
    public record IssuedToken(long id, String name, String secret, String prefix, Instant expiresAt) {
    }

    /** Days a new token is valid when the user does not say ({@code mamori.security.token-validity}, at most 365). */
    public int defaultValidityDays() {
        long days = defaultValidity.toDays();
        return (int) Math.max(1, Math.min(MAX_VALIDITY_DAYS, days));
    }

    /** A personal token of the account, valid for {@code validityDays} (default when null). */
    @Transactional
    public IssuedToken create(long accountId, String name, Integer validityDays) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw InvalidInputException.onField("name", "platform.token.nameInvalid", MAX_NAME_LENGTH);
        }
        int days = validityDays == null ? defaultValidityDays() : validityDays;
        if (days < 1 || days > MAX_VALIDITY_DAYS) {
            throw InvalidInputException.onField("validityDays", "platform.token.validityInvalid", MAX_VALIDITY_DAYS);
        }
        return issue(accountId, trimmed, clock.instant().plus(Duration.ofDays(days)));
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public IssuedToken issue(long accountId, String name, Instant expiresAt) {
        return issueWithSecret(accountId, name, newSecret(), expiresAt);
    }

    @Transactional
    public IssuedToken issueWithSecret(long accountId, String name, String secret, Instant expiresAt) {
        String prefix = prefixOf(secret);
        long id = jdbc.sql("""
                        insert into platform.api_token (account_id, name, token_hash, prefix, expires_at)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(accountId, name, hash(secret), prefix, Timestamp.from(expiresAt))
                .query(Long.class).single();
        ledger.record("platform.token.created", Subject.of("apiToken", id),
                Map.of("accountId", accountId, "name", name, "expiresAt", expiresAt.toString()));
        return new IssuedToken(id, name, secret, prefix, expiresAt);
    }

    /**
     * The characters kept to tell tokens apart: {@code mmr_} and six random ones for generated tokens,
     * at most a quarter of a token chosen by an operator (the bootstrap token), so most of it stays secret.
     */
    public static String prefixOf(String secret) {
        int keep = secret.startsWith(PREFIX) && secret.length() >= 40 ? 10 : Math.min(10, secret.length() / 4);
        return secret.substring(0, keep);
    }

    @Transactional(readOnly = true)
    public boolean existsWithSecret(String secret) {
        return jdbc.sql("select count(*) from platform.api_token where token_hash = ?").param(hash(secret))
                .query(Long.class).single() > 0;
    }

    @Transactional
    public void revoke(long accountId, long tokenId) {
        int n = jdbc.sql("update platform.api_token set revoked_at = now() where id = ? and account_id = ? and revoked_at is null")
                .params(tokenId, accountId).update();
        verified.invalidate();
        if (n == 0) {
            throw new NotFoundException("platform.token.notFound");
        }
        ledger.record("platform.token.revoked", Subject.of("apiToken", tokenId), Map.of("accountId", accountId));
    }

    /** Revokes every active token of an account (disabling, leaving). Returns how many. */
    @Transactional
    public int revokeAll(long accountId) {
        int n = jdbc.sql("update platform.api_token set revoked_at = now() where account_id = ? and revoked_at is null")
                .param(accountId).update();
        verified.invalidate();
        if (n > 0) {
            ledger.record("platform.token.revokedAll", Subject.of("account", accountId), Map.of("count", n));
        }
        return n;
    }

    @Transactional(readOnly = true)
    public List<TokenView> listFor(long accountId) {
        return jdbc.sql("select * from platform.api_token where account_id = ? order by created_at desc, id desc")
                .param(accountId)
                .query((rs, i) -> new TokenView(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                        AccountRepository.instant(rs, "created_at"), AccountRepository.instant(rs, "expires_at"),
                        AccountRepository.instant(rs, "revoked_at"), AccountRepository.instant(rs, "last_used_at")))
                .list();
    }

    /** An active token as a verification finds it. */
    record ActiveToken(long id, long accountId, Instant expiresAt) {
    }

    /** The account and token id of an active token with this secret. */
    @Transactional
    public Optional<long[]> authenticate(String secret) {
        return verify(hash(secret)).map(t -> new long[] {t.id(), t.accountId()});
    }

    /** The active token with this SHA-256 hash (its last use is recorded). */
    @Transactional
    Optional<ActiveToken> verify(String tokenHash) {
        Optional<ActiveToken> found = jdbc.sql("""
                        select id, account_id, expires_at from platform.api_token
                        where token_hash = ? and revoked_at is null and expires_at > ?""")
                .params(tokenHash, Timestamp.from(clock.instant()))
                .query((rs, i) -> new ActiveToken(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant()))
                .optional();
        found.ifPresent(t -> jdbc.sql("update platform.api_token set last_used_at = now() where id = ?")
                .param(t.id()).update());
        return found;
    }
}
