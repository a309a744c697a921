package dev.mamori.platform.internal.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.platform.Role;

/**
 * SQL for accounts, roles and tokens.
 */
@Repository
public class AccountRepository {

    private final JdbcClient jdbc;
    private final VerifiedTokens verified;

    AccountRepository(JdbcClient jdbc, VerifiedTokens verified) {
        this.jdbc = jdbc;
        this.verified = verified;
    }

    public Optional<AccountRecord> findByUsername(String username) {
        return jdbc.sql("select * from platform.account where lower(username) = lower(?)")
                .param(username).query(AccountRepository::map).optional();
    }

    public Optional<AccountRecord> findById(long id) {
        return jdbc.sql("select * from platform.account where id = ?").param(id).query(AccountRepository::map).optional();
    }

    public Optional<AccountRecord> findByPersonId(long personId) {
        return jdbc.sql("select * from platform.account where person_id = ?").param(personId)
                .query(AccountRepository::map).optional();
    }

    public List<AccountRecord> findAll() {
        return jdbc.sql("select * from platform.account order by username").query(AccountRepository::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from platform.account").query(Long.class).single();
    }

    public long insert(String username, String passwordHash, String displayName, Long personId, String locale) {
        return jdbc.sql("""
                        insert into platform.account (username, password_hash, display_name, person_id, locale)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(username, passwordHash, displayName, personId, locale)
                .query(Long.class).single();
    }

    public void update(long id, String displayName, Long personId, boolean enabled) {
        jdbc.sql("update platform.account set display_name = ?, person_id = ?, enabled = ?, updated_at = now() where id = ?")
                .params(displayName, personId, enabled, id).update();
        verified.invalidate();
    }

    public void updateEnabled(long id, boolean enabled) {
        jdbc.sql("update platform.account set enabled = ?, updated_at = now() where id = ?").params(enabled, id).update();
        verified.invalidate();
    }

    /** Enabled accounts other than {@code id} that hold SYSTEM_ADMIN. */
    public long countOtherEnabledAdmins(long id) {
        return jdbc.sql("""
                        select count(distinct a.id) from platform.account a
                        join platform.account_role r on r.account_id = a.id
                        where r.role = 'SYSTEM_ADMIN' and a.enabled and a.id <> ?""")
                .param(id).query(Long.class).single();
    }

    public void updatePassword(long id, String passwordHash) {
        jdbc.sql("update platform.account set password_hash = ?, failed_logins = 0, locked_until = null, updated_at = now() where id = ?")
                .params(passwordHash, id).update();
        verified.invalidate();
    }

    public void updateLocale(long id, String locale) {
        jdbc.sql("update platform.account set locale = ?, updated_at = now() where id = ?").params(locale, id).update();
        verified.invalidate();
    }

    /**
     * Adds one failed login and returns the new count. Remembered token verifications stay: the count does not
     * decide whether a token is accepted (the lock it may lead to does, and {@link #lockUntil} forgets them).
     */
    public int incrementFailedLogins(long id) {
        return jdbc.sql("update platform.account set failed_logins = failed_logins + 1 where id = ? returning failed_logins")
                .param(id).query(Integer.class).single();
    }

    public void lockUntil(long id, Instant until) {
        jdbc.sql("update platform.account set locked_until = ?, failed_logins = 0 where id = ?")
                .params(Timestamp.from(until), id).update();
        verified.invalidate();
    }

    public void unlock(long id) {
        jdbc.sql("update platform.account set locked_until = null, failed_logins = 0, updated_at = now() where id = ?")
                .param(id).update();
        verified.invalidate();
    }

    /**
     * A successful login. Remembered token verifications stay (a login, or a stream of failed ones, must not send
     * every integration back to the database): a login is refused while the account is locked, so clearing an
     * expired lock only loosens what a remembered verification already judges by the time.
     */
    public void recordSuccessfulLogin(long id) {
        jdbc.sql("update platform.account set failed_logins = 0, locked_until = null, last_login_at = now() where id = ?")
                .param(id).update();
    }

    public List<RoleGrant> rolesOf(long accountId) {
        return jdbc.sql("select role, department_id from platform.account_role where account_id = ? order by role, department_id")
                .param(accountId)
                .query((rs, i) -> new RoleGrant(Role.valueOf(rs.getString(1)), (Long) rs.getObject(2)))
                .list();
    }

    /** The roles of every account, by account id. */
    public Map<Long, List<RoleGrant>> allRoles() {
        Map<Long, List<RoleGrant>> byAccount = new HashMap<>();
        jdbc.sql("select account_id, role, department_id from platform.account_role order by role, department_id")
                .query(rs -> {
                    byAccount.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new RoleGrant(Role.valueOf(rs.getString(2)), (Long) rs.getObject(3)));
                });
        return byAccount;
    }

    public void replaceRoles(long accountId, List<RoleGrant> roles) {
        jdbc.sql("delete from platform.account_role where account_id = ?").param(accountId).update();
        for (RoleGrant grant : roles) {
            jdbc.sql("insert into platform.account_role (account_id, role, department_id) values (?, ?, ?) on conflict do nothing")
                    .params(accountId, grant.role().name(), grant.departmentId()).update();
        }
        verified.invalidate();
    }

    static AccountRecord map(ResultSet rs, int row) throws SQLException {
        return new AccountRecord(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("display_name"), (Long) rs.getObject("person_id"), rs.getString("locale"),
                rs.getBoolean("enabled"), rs.getInt("failed_logins"), instant(rs, "locked_until"),
                instant(rs, "last_login_at"), instant(rs, "created_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
