package dev.mamori.support;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.AccountManagement;
import dev.mamori.platform.internal.security.AccountRepository;
import dev.mamori.platform.internal.security.ApiTokens;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.platform.internal.security.RoleGrant;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Creates real accounts (through the platform's service, so they are in PostgreSQL and the ledger)
 * and signs them in for MockMvc requests or API calls.
 */
@TestComponent
public class TestUsers {

    private static final AtomicInteger SEQ = new AtomicInteger();
    public static final String PASSWORD = "correct-horse-battery";

    private final AccountManagement management;
    private final AccountRepository accounts;
    private final ApiTokens tokens;

    TestUsers(AccountManagement management, AccountRepository accounts, ApiTokens tokens) {
        this.management = management;
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** A new account holding the given unscoped roles. */
    public MamoriUserDetails create(Role... roles) {
        return create(null, Arrays.stream(roles).map(r -> new RoleGrant(r, null)).toList());
    }

    /** A new account that is MANAGER of the given departments (and EMPLOYEE). */
    public MamoriUserDetails manager(Long personId, Long... departmentIds) {
        List<RoleGrant> grants = new java.util.ArrayList<>();
        grants.add(new RoleGrant(Role.EMPLOYEE, null));
        for (Long d : departmentIds) {
            grants.add(new RoleGrant(Role.MANAGER, d));
        }
        return create(personId, grants);
    }

    public MamoriUserDetails create(Long personId, List<RoleGrant> grants) {
        String username = "user" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        long id = management.create(username, PASSWORD, "テスト " + username, personId, grants);
        return reload(id);
    }

    public MamoriUserDetails reload(long accountId) {
        var account = accounts.findById(accountId).orElseThrow();
        return new MamoriUserDetails(account, accounts.rolesOf(accountId));
    }

    /** The account with its saved language changed (as the language switch does). */
    public MamoriUserDetails inLanguage(MamoriUserDetails user, java.util.Locale locale) {
        management.changeLocale(user.accountId(), locale);
        return reload(user.accountId());
    }

    /** Signs the account in for one MockMvc request. */
    public static RequestPostProcessor as(MamoriUserDetails user) {
        return SecurityMockMvcRequestPostProcessors.user(user);
    }

    /** An API token of the account, for {@code Authorization: Bearer}. */
    public String token(MamoriUserDetails user) {
        return tokens.issue(user.accountId(), "test", Instant.now().plus(1, ChronoUnit.DAYS)).secret();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
