package dev.mamori.platform.internal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.mamori.platform.MamoriProperties;

/**
 * After {@code maxFailures} failed logins in a row an account is locked for {@code lockDuration}.
 * Plain Java: the caller passes the current time (from the application's {@link java.time.Clock}),
 * so the rule is tested without waiting.
 */
public record LockoutPolicy(int maxFailures, Duration lockDuration) {

    public LockoutPolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        if (lockDuration == null || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("lockDuration must be positive");
        }
    }

    public static LockoutPolicy of(MamoriProperties.Security settings) {
        return new LockoutPolicy(settings.maxFailedLogins(), settings.lockDuration());
    }

    /** The time until which the account is locked after this many failures, if it must be locked now. */
    public Optional<Instant> lockAfter(int consecutiveFailures, Instant now) {
        return consecutiveFailures >= maxFailures ? Optional.of(now.plus(lockDuration)) : Optional.empty();
    }

    /** Whether a lock set until {@code lockedUntil} still holds at {@code now}. */
    public static boolean locked(Instant lockedUntil, Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
