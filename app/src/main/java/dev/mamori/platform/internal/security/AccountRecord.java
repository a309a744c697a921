package dev.mamori.platform.internal.security;

import java.time.Instant;

/**
 * A row of {@code platform.account}.
 */
public record AccountRecord(long id, String username, String passwordHash, String displayName, Long personId,
                            String locale, boolean enabled, int failedLogins, Instant lockedUntil,
                            Instant lastLoginAt, Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
