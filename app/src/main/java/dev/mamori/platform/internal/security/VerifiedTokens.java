package dev.mamori.platform.internal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import org.springframework.beans.factory.DisposableBean;
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
 * <p>
 * Refreshed ahead: once an entry is older than {@link #REFRESH_AFTER}, the first request that meets it starts the
 * same verification again on a background thread while every request keeps using the entry (still never past
 * {@link #TTL}); the fresh result replaces it, a refusal forgets it. So a busy integration does not wait for the
 * database every {@code TTL} on each of its connections (measured: that wait was a visible share of the check
 * endpoint's slowest answers; BENCHMARKS.md "Access checks"). Only when no fresh result has arrived by {@code TTL}
 * does a request verify in line, as before.
 */
@Component
class VerifiedTokens implements DisposableBean {

    /** How long a verified token is trusted without asking the database again (changes made outside the application). */
    static final Duration TTL = Duration.ofSeconds(10);
    /** When a background verification of a trusted entry starts (before {@link #TTL}). */
    static final Duration REFRESH_AFTER = Duration.ofSeconds(7);
    private static final int MAX_ENTRIES = 10_000;

    /**
     * What a verification found: the token, its account (without its password hash) and roles, read at
     * {@code generation}, and the principal they make as of {@code verifiedAt}.
     */
    record Verified(long tokenId, Instant expiresAt, AccountRecord account, List<RoleGrant> roles, long generation,
                    Instant verifiedAt, MamoriUserDetails principal) {

        Verified(long tokenId, Instant expiresAt, AccountRecord account, List<RoleGrant> roles, long generation,
                 Instant verifiedAt) {
            this(tokenId, expiresAt, account.withoutPasswordHash(), List.copyOf(roles), generation, verifiedAt,
                    new MamoriUserDetails(account.withoutPasswordHash(), roles, verifiedAt));
        }
    }

    private final ConcurrentHashMap<String, Verified> byHash = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final Executor refresher;

    VerifiedTokens() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1000),
                r -> {
                    Thread t = new Thread(r, "api-token-refresh");
                    t.setDaemon(true);
                    return t;
                });
        this.refresher = pool;
    }

    /** For tests: refreshes run on the given executor. */
    VerifiedTokens(Executor refresher) {
        this.refresher = refresher;
    }

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
     * Starts the background verification of a trusted entry that is older than {@link #REFRESH_AFTER}, at most one
     * per token at a time. {@code verify} reads the token, account and roles again, tagged with the generation it
     * is given, and returns null when the token is no longer accepted.
     */
    void refreshAhead(String hash, Verified trusted, Instant now, LongFunction<Verified> verify) {
        if (now.isBefore(trusted.verifiedAt().plus(REFRESH_AFTER)) || !refreshing.add(hash)) {
            return;
        }
        try {
            refresher.execute(() -> {
                try {
                    Verified fresh = verify.apply(generation());
                    if (fresh == null) {
                        byHash.remove(hash);
                    } else {
                        put(hash, fresh);
                    }
                } catch (RuntimeException e) {
                    // the entry stays until its TTL; then a request verifies in line and meets the error itself
                } finally {
                    refreshing.remove(hash);
                }
            });
        } catch (RejectedExecutionException e) {
            refreshing.remove(hash);
        }
    }

    @Override
    public void destroy() {
        if (refresher instanceof ExecutorService pool) {
            pool.shutdownNow();
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
