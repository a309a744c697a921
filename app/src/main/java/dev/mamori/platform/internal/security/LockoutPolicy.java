package dev.mamori.platform.internal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * After {@code maxFailures} failed logins in a row an account is locked for {@code lockDuration}.
 */
public record LockoutPolicy(int maxFailures, Duration lockDuration) {

    public LockoutPolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
    }

    /** The time until which the account is locked after this many failures, if it must be locked now. */
    public Optional<Instant> lockAfter(int consecutiveFailures, Instant now) {
        return consecutiveFailures >= maxFailures ? Optional.of(now.plus(lockDuration)) : Optional.empty();
    }
}
