package dev.mamori.platform.internal.security;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.platform.PersonAccounts;
import dev.mamori.platform.Role;

/** Answers {@link PersonAccounts} from the account tables. */
@Component
class AccountsByPerson implements PersonAccounts {

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final ApiTokens tokens;
    private final java.time.Clock clock;

    AccountsByPerson(JdbcClient jdbc, AccountRepository accounts, ApiTokens tokens, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tokens = tokens;
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

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Set<Role>> rolesByPerson() {
        Map<Long, Set<Role>> out = new HashMap<>();
        jdbc.sql("""
                select a.person_id, r.role from platform.account a join platform.account_role r on r.account_id = a.id
                where a.enabled and a.person_id is not null""").query((rs, i) -> {
            out.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
            return null;
        }).list();
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Role> rolesOf(long personId) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        accounts.findByPersonId(personId).filter(AccountRecord::enabled)
                .ifPresent(a -> accounts.rolesOf(a.id()).forEach(g -> out.add(g.role())));
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> accountOf(long personId) {
        return accounts.findByPersonId(personId).map(AccountRecord::id);
    }

    @Override
    @Transactional(readOnly = true)
    public int activeTokensOf(long personId) {
        return accounts.findByPersonId(personId).map(a -> jdbc.sql("""
                        select count(*) from platform.api_token where account_id = ? and revoked_at is null
                        and (expires_at is null or expires_at > ?)""")
                .params(a.id(), java.sql.Timestamp.from(clock.instant())).query(Integer.class).single()).orElse(0);
    }

    @Override
    @Transactional
    public int revokeTokensOfPerson(long personId) {
        return accounts.findByPersonId(personId).map(a -> tokens.revokeAll(a.id())).orElse(0);
    }
}
