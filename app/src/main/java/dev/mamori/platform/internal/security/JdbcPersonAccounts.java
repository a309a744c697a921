package dev.mamori.platform.internal.security;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.platform.PersonAccounts;
import dev.mamori.platform.Role;

/** {@link PersonAccounts} from the account table. */
@Component
class JdbcPersonAccounts implements PersonAccounts {

    private final AccountRepository accounts;
    private final Clock clock;

    JdbcPersonAccounts(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AccountState> ofPerson(long personId) {
        return accounts.findByPersonId(personId).map(a -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            accounts.rolesOf(a.id()).forEach(g -> roles.add(g.role()));
            return new AccountState(a.id(), a.username(), a.enabled(), a.lockedAt(clock.instant()), a.lastLoginAt(),
                    Set.copyOf(roles));
        });
    }
}
