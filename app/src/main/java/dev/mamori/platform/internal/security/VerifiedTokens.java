package dev.mamori.platform.internal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A short-lived memory of bearer tokens already verified against the database, so that an integration
 * calling the API thousands of times a second does not cost four SQL statements (token, its last use,
 * account, roles) on every request. An entry is trusted for at most {@link #TTL}, never past the token's
 * expiry, and only while nothing about tokens or accounts has changed since it was read: every change to
 * a token (revocation) or an account (disabling, locking, roles) calls {@link #invalidate()} right after its
 * statement, which makes every entry stale at once — and again when the change's transaction completes, so
 * an entry read from the database before the commit cannot outlive it. Whether the account is locked is still judged per request
 * (the lock's end is a time). Unknown or refused tokens are not remembered.
 */
@Component
class VerifiedTokens {

    /** How long a verified token is trusted without asking the database again (changes made outside the application). */
    static final Duration TTL = Duration.ofSeconds(10);
    private static final int MAX_ENTRIES = 10_000;

    /** What a verification found: the token, its account and roles, read at {@code generation}. */
    record Verified(long tokenId, Instant expiresAt, AccountRecord account, List<RoleGrant> roles, long generation,
                    Instant verifiedAt) {
    }

    private final ConcurrentHashMap<String, Verified> byHash = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** The generation to tag a database read with; read it before the read. */
    long generation() {
        return generation.get();
    }

    /** A still trustworthy verification of the token with this hash, or null. */
    Verified get(String hash, Instant now) {
        Verified v = byHash.get(hash);
        if (v == null) {
            return null;
        }
        if (v.generation() != generation.get() || !now.isBefore(v.expiresAt())
                || !now.isBefore(v.verifiedAt().plus(TTL))) {
            byHash.remove(hash, v);
            return null;
        }
        return v;
    }

    void put(String hash, Verified v) {
        if (byHash.size() >= MAX_ENTRIES) {
            byHash.clear();
        }
        if (v.generation() == generation.get()) {
            byHash.put(hash, v);
        }
    }

    /**
     * Forgets every verification now, and again when the current transaction (if any) has committed or
     * rolled back. Called by every change to a token or an account.
     */
    void invalidate() {
        bump();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    bump();
                }
            });
        }
    }

    private void bump() {
        generation.incrementAndGet();
        byHash.clear();
    }
}
