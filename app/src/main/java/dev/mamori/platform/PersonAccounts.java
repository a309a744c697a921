package dev.mamori.platform;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts as other modules need them by person: the roles of the account linked to a person (role access
 * holders), the account's state (e.g. whether a leaver's account is still enabled), and ending its API tokens
 * when the person leaves. No caller checks: for modules' services and listeners.
 */
public interface PersonAccounts {

    /** The roles of every enabled account linked to a person, by person id. */
    Map<Long, Set<Role>> rolesByPerson();

    /** The roles of the person's enabled account (empty without one). */
    Set<Role> rolesOf(long personId);

    /** The id of the account linked to the person. */
    Optional<Long> accountOf(long personId);

    /**
     * Revokes every active API token of the account linked to the person (ledger
     * {@code platform.token.revokedAll}); returns how many (0 without an account).
     */
    int revokeTokensOfPerson(long personId);

    /** How many API tokens of the account linked to the person are active (not revoked, not expired). */
    int activeTokensOf(long personId);

    /** The state of the account linked to the person, read-only. */
    Optional<AccountState> ofPerson(long personId);

    /**
     * @param locked whether failed logins lock the account right now
     */
    record AccountState(long accountId, String username, boolean enabled, boolean locked, Instant lastLoginAt,
                        Set<Role> roles) {
    }
}
