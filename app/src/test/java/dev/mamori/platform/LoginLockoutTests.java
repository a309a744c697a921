package dev.mamori.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.internal.security.AccountRepository;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Passwords are stored as Argon2id, and repeated wrong passwords through the real login form lock an
 * account for the configured time; every failure, the lock and the refusal are in the ledger.
 */
@MamoriTest
class LoginLockoutTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    AccountRepository accounts;

    @Autowired
    Ledger ledger;

    @Autowired
    MamoriProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesPasswordsAsArgon2id() {
        var user = users.create(Role.EMPLOYEE);
        String hash = accounts.findById(user.accountId()).orElseThrow().passwordHash();
        assertThat(hash).startsWith("$argon2id$").doesNotContain(TestUsers.PASSWORD);
    }

    @Test
    void signsInWithTheRightPasswordAndRecordsIt() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        mvc.perform(formLogin("/login").user(user.getUsername()).password(TestUsers.PASSWORD))
                .andExpect(authenticated().withUsername(user.getUsername()))
                .andExpect(redirectedUrl("/"));
        assertThat(accounts.findById(user.accountId()).orElseThrow().lastLoginAt()).isNotNull();
        assertThat(actions(user)).contains("platform.login.succeeded");
    }

    @Test
    void locksAfterTooManyWrongPasswordsUntilUnlocked() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        int max = properties.security().maxFailedLogins();
        Instant before = Instant.now();
        failLogins(user, max);
        Instant after = Instant.now();

        var account = accounts.findById(user.accountId()).orElseThrow();
        assertThat(account.lockedUntil()).isBetween(before.plus(properties.security().lockDuration()),
                after.plus(properties.security().lockDuration()));
        mvc.perform(formLogin("/login").user(user.getUsername()).password(TestUsers.PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));

        List<String> actions = actions(user);
        assertThat(actions).filteredOn("platform.login.failed"::equals).hasSize(max);
        assertThat(actions).filteredOn("platform.account.locked"::equals).hasSize(1);
        assertThat(actions).filteredOn("platform.login.refusedLocked"::equals).hasSize(1);
        assertThat(actions.indexOf("platform.account.locked")).isGreaterThan(actions.lastIndexOf("platform.login.failed") - 1);

        var admin = users.create(Role.SYSTEM_ADMIN);
        mvc.perform(post("/admin/users/{id}/unlock", user.accountId()).with(TestUsers.as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + user.accountId()));
        assertThat(actions(user)).contains("platform.account.unlocked");
        mvc.perform(formLogin("/login").user(user.getUsername()).password(TestUsers.PASSWORD))
                .andExpect(authenticated().withUsername(user.getUsername()));
    }

    @Test
    void letsTheUserInAgainOnceTheLockHasExpired() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        failLogins(user, properties.security().maxFailedLogins());
        mvc.perform(formLogin("/login").user(user.getUsername()).password(TestUsers.PASSWORD))
                .andExpect(unauthenticated());

        // the lock duration passes: move the lock's end into the past instead of waiting for it
        var lockedUntil = accounts.findById(user.accountId()).orElseThrow().lockedUntil();
        Instant expired = lockedUntil.minus(properties.security().lockDuration()).minusSeconds(1);
        jdbc.sql("update platform.account set locked_until = ? where id = ?")
                .params(java.sql.Timestamp.from(expired), user.accountId()).update();

        mvc.perform(formLogin("/login").user(user.getUsername()).password(TestUsers.PASSWORD))
                .andExpect(authenticated().withUsername(user.getUsername()));
        assertThat(accounts.findById(user.accountId()).orElseThrow().lockedUntil()).isNull();
    }

    @Test
    void doesNotCountFailuresBeforeTheThresholdAsALock() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        failLogins(user, properties.security().maxFailedLogins() - 1);
        mvc.perform(formLogin("/login").user(user.getUsername()).password(TestUsers.PASSWORD))
                .andExpect(authenticated());
        var account = accounts.findById(user.accountId()).orElseThrow();
        assertThat(account.failedLogins()).isZero();
        assertThat(account.lockedUntil()).isNull();
    }

    @Test
    void refusesDisabledAccountWithoutCountingAFailure() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        accounts.update(user.accountId(), user.displayName(), null, false);
        mvc.perform(formLogin("/login").user(user.getUsername()).password(TestUsers.PASSWORD))
                .andExpect(unauthenticated());
        assertThat(actions(user)).contains("platform.login.refusedDisabled").doesNotContain("platform.login.failed");
    }

    private void failLogins(MamoriUserDetails user, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            mvc.perform(formLogin("/login").user(user.getUsername()).password("wrong-password-" + i))
                    .andExpect(unauthenticated())
                    .andExpect(redirectedUrl("/login?error"));
        }
    }

    private List<String> actions(MamoriUserDetails user) {
        return ledger.historyOf(Subject.of("account", user.accountId())).stream().map(LedgerEntry::action).toList();
    }
}
