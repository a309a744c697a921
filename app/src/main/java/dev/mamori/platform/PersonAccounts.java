package dev.mamori.platform;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The sign-in account linked to a person, read-only, for modules that show its state (e.g. whether a
 * leaver's account is still enabled) or need the roles a person holds (role access holders).
 */
public interface PersonAccounts {

    Optional<AccountState> ofPerson(long personId);

    /**
     * @param locked whether failed logins lock the account right now
     */
    record AccountState(long accountId, String username, boolean enabled, boolean locked, Instant lastLoginAt,
                        Set<Role> roles) {
    }
}
