package dev.mamori.platform.internal.security;

import java.io.Serializable;
import java.time.Instant;

/**
 * A row of {@code platform.account}.
 */
public record AccountRecord(long id, String username, String passwordHash, String displayName, Long personId,
                            String locale, boolean enabled, int failedLogins, Instant lockedUntil,
                            Instant lastLoginAt, Instant createdAt) implements Serializable {

    public boolean lockedAt(Instant now) {
        return LockoutPolicy.locked(lockedUntil, now);
    }

    /** The same account without its password hash, for keeping in a session or showing. */
    public AccountRecord withoutPasswordHash() {
        return new AccountRecord(id, username, null, displayName, personId, locale, enabled, failedLogins,
                lockedUntil, lastLoginAt, createdAt);
    }
}
