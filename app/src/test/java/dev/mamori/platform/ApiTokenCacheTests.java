package dev.mamori.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mamori.platform.internal.security.AccountManagement;
import dev.mamori.platform.internal.security.AccountRepository;
import dev.mamori.platform.internal.security.ApiTokens;
import dev.mamori.platform.internal.security.RoleGrant;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Bearer tokens are remembered for a few seconds once verified (so the API does not ask the database on every
 * call), yet every change to a token or its account takes effect on the very next request: a token used a
 * moment ago stops working as soon as it is revoked, its account disabled or locked, and new roles apply at once.
 */
@MamoriTest
class ApiTokenCacheTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AccountManagement management;

    @Autowired
    AccountRepository accounts;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    BearerTokens bearerTokens;

    private String used(long accountId, String name) throws Exception {
        String bearer = TestUsers.bearer(tokens.create(accountId, name, 7).secret());
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/account").header("Authorization", bearer)).andExpect(status().isOk());
        }
        return bearer;
    }

    @Test
    void refusesARecentlyUsedTokenRightAfterItIsRevoked() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        String bearer = used(user.accountId(), "revoked-after-use");
        long id = tokens.listFor(user.accountId()).get(0).id();
        tokens.revoke(user.accountId(), id);
        mvc.perform(get("/api/v1/account").header("Authorization", bearer)).andExpect(status().isUnauthorized());
    }

    @Test
    void refusesARecentlyUsedTokenRevokedInsideALongerTransaction() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        String bearer = used(user.accountId(), "revoked-in-transaction");
        transactions.executeWithoutResult(s -> tokens.revokeAll(user.accountId()));
        mvc.perform(get("/api/v1/account").header("Authorization", bearer)).andExpect(status().isUnauthorized());
    }

    @Test
    void refusesARecentlyUsedTokenOnceItsAccountIsDisabled() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        String bearer = used(user.accountId(), "disabled-after-use");
        management.setEnabled(user.accountId(), false);
        mvc.perform(get("/api/v1/account").header("Authorization", bearer)).andExpect(status().isUnauthorized());
    }

    @Test
    void refusesARecentlyUsedTokenOnceItsAccountIsDisabledBehindTheServicesBack() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        String bearer = used(user.accountId(), "disabled-directly");
        accounts.update(user.accountId(), user.displayName(), null, false);
        mvc.perform(get("/api/v1/account").header("Authorization", bearer)).andExpect(status().isUnauthorized());
    }

    @Test
    void refusesARecentlyUsedTokenOnceItsAccountIsLocked() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        String bearer = used(user.accountId(), "locked-after-use");
        accounts.lockUntil(user.accountId(), Instant.now().plus(1, ChronoUnit.HOURS));
        mvc.perform(get("/api/v1/account").header("Authorization", bearer)).andExpect(status().isUnauthorized());
    }

    @Test
    void appliesChangedRolesToARecentlyUsedToken() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        String bearer = used(user.accountId(), "roles-after-use");
        accounts.replaceRoles(user.accountId(), List.of(new RoleGrant(Role.IT_SECURITY, null)));
        mvc.perform(get("/api/v1/account").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0].role").value("IT_SECURITY"));
    }

    @Test
    void keepsAcceptingATokenWhileNothingChanges() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        String bearer = used(user.accountId(), "steady");
        mvc.perform(get("/api/v1/account").header("Authorization", bearer)).andExpect(status().isOk());
        assertThat(tokens.listFor(user.accountId()).get(0).lastUsedAt()).isNotNull();
    }

    @Test
    void keepsRememberingVerifiedTokensThroughOtherAccountsLogins() {
        var user = users.create(Role.IT_SECURITY);
        var other = users.create(Role.EMPLOYEE);
        String secret = tokens.create(user.accountId(), "through-logins", 7).secret();
        BearerTokens.Digest digest = bearerTokens.digest(secret);
        assertThat(bearerTokens.authenticate(digest)).isPresent();
        assertThat(bearerTokens.remembered(digest)).as("verified a moment ago").isPresent();
        // someone else's failed and successful logins change nothing a token is judged by: a stream of them must
        // not send every integration back to the database
        transactions.executeWithoutResult(s -> accounts.incrementFailedLogins(other.accountId()));
        transactions.executeWithoutResult(s -> accounts.recordSuccessfulLogin(other.accountId()));
        assertThat(bearerTokens.remembered(digest)).isPresent();
        // a lock (what enough failed logins lead to) is judged at once
        transactions.executeWithoutResult(s -> accounts.lockUntil(user.accountId(), Instant.now().plus(1, ChronoUnit.HOURS)));
        assertThat(bearerTokens.remembered(digest)).isEmpty();
        assertThat(bearerTokens.authenticate(digest)).isEmpty();
    }
}
