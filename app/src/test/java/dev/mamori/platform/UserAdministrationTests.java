package dev.mamori.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.internal.security.AccountRepository;
import dev.mamori.platform.internal.security.ApiTokens;
import dev.mamori.platform.internal.security.RoleGrant;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The user administration pages under {@code /admin/users}, for system administrators only.
 */
@MamoriTest
class UserAdministrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    AccountRepository accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Ledger ledger;

    @Test
    void redirectsAnonymousVisitorsToLogin() throws Exception {
        for (var request : pages(1)) {
            mvc.perform(request.with(csrf())).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
        // htmx: not the login page inside a fragment, but a full reload, which then redirects
        mvc.perform(get("/admin/users").header("HX-Request", "true"))
                .andExpect(status().isForbidden())
                .andExpect(header().string("HX-Refresh", "true"));
    }

    @Test
    void refusesUsersWithoutTheSystemAdministratorRole() throws Exception {
        var employee = users.create(Role.EMPLOYEE, Role.CHIEF_OFFICER, Role.IT_SECURITY);
        var target = users.create(Role.EMPLOYEE);
        for (var request : pages(target.accountId())) {
            mvc.perform(request.with(TestUsers.as(employee)).with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/users").header("HX-Request", "true").with(TestUsers.as(employee)))
                .andExpect(status().isForbidden());
        var account = accounts.findById(target.accountId()).orElseThrow();
        assertThat(account.enabled()).isTrue();
        assertThat(accounts.rolesOf(target.accountId())).containsExactly(new RoleGrant(Role.EMPLOYEE, null));
    }

    @Test
    void listsAccountsWithRolesAndStateAndFiltersWithHtmx() throws Exception {
        var admin = users.create(Role.SYSTEM_ADMIN);
        var listed = users.create(Role.EMPLOYEE, Role.AUDITOR);
        accounts.lockUntil(listed.accountId(), Instant.now().plus(1, ChronoUnit.HOURS));
        mvc.perform(get("/admin/users").with(TestUsers.as(admin)))
                .andExpect(status().isOk())
                .andExpect(view().name("platform/users"))
                .andExpect(content().string(containsString(listed.getUsername())))
                .andExpect(content().string(containsString("監査担当")))
                .andExpect(content().string(containsString("までロック中")));
        mvc.perform(get("/admin/users").param("q", listed.getUsername()).with(TestUsers.as(admin))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"platform-users\"")))
                .andExpect(content().string(containsString(listed.getUsername())))
                .andExpect(content().string(not(containsString(admin.getUsername()))))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void createsAccountWithGivenPasswordAndRoles() throws Exception {
        var admin = users.create(Role.SYSTEM_ADMIN);
        mvc.perform(get("/admin/users/new").with(TestUsers.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"roles\"")));
        String username = "page-" + System.nanoTime();
        var result = mvc.perform(post("/admin/users").with(TestUsers.as(admin)).with(csrf())
                        .param("username", username).param("displayName", "佐藤 一郎")
                        .param("password", "given-initial-password")
                        .param("roles", "EMPLOYEE").param("roles", "LEGAL"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("generatedPassword", (Object) null))
                .andReturn();
        var account = accounts.findByUsername(username).orElseThrow();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + account.id());
        assertThat(encoder.matches("given-initial-password", account.passwordHash())).isTrue();
        assertThat(accounts.rolesOf(account.id())).containsExactlyInAnyOrder(
                new RoleGrant(Role.EMPLOYEE, null), new RoleGrant(Role.LEGAL, null));
        assertThat(actions(account.id())).contains("platform.account.created");
    }

    @Test
    void generatesAnInitialPasswordAndShowsItOnce() throws Exception {
        var admin = users.create(Role.SYSTEM_ADMIN);
        String username = "gen-" + System.nanoTime();
        var result = mvc.perform(post("/admin/users").with(TestUsers.as(admin)).with(csrf())
                        .param("username", username).param("displayName", "鈴木 次郎").param("password", "")
                        .param("roles", "EMPLOYEE"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String generated = (String) result.getFlashMap().get("generatedPassword");
        assertThat(generated).hasSizeGreaterThanOrEqualTo(12);
        var account = accounts.findByUsername(username).orElseThrow();
        assertThat(encoder.matches(generated, account.passwordHash())).isTrue();
        mvc.perform(get(result.getResponse().getRedirectedUrl()).with(TestUsers.as(admin)).flashAttrs(result.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(generated)));
        mvc.perform(get(result.getResponse().getRedirectedUrl()).with(TestUsers.as(admin)))
                .andExpect(content().string(not(containsString(generated))));
    }

    @Test
    void showsErrorsBesideTheFieldsOfTheNewAccountForm() throws Exception {
        var admin = users.create(Role.SYSTEM_ADMIN);
        var existing = users.create(Role.EMPLOYEE);
        mvc.perform(post("/admin/users").with(TestUsers.as(admin)).with(csrf())
                        .param("username", existing.getUsername()).param("displayName", "重複")
                        .param("password", "short"))
                .andExpect(status().isOk())
                .andExpect(view().name("platform/user-new"))
                .andExpect(model().attributeHasFieldErrors("userForm", "username"))
                .andExpect(content().string(containsString("は既に使われています")));
        mvc.perform(post("/admin/users").with(TestUsers.as(admin)).with(csrf())
                        .param("username", "valid-" + System.nanoTime()).param("displayName", "ロールなし"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("userForm", "roles", "platform.account.rolesRequired"));
        mvc.perform(post("/admin/users").with(TestUsers.as(admin)).with(csrf())
                        .param("username", "valid-" + System.nanoTime()).param("displayName", "短い")
                        .param("password", "short").param("roles", "EMPLOYEE"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("userForm", "password", "platform.account.passwordTooShort"))
                .andExpect(content().string(containsString("パスワードは 12 文字以上にしてください。")));
    }

    @Test
    void editsRolesThroughTheForm() throws Exception {
        var admin = users.create(Role.SYSTEM_ADMIN);
        var user = users.create(Role.EMPLOYEE);
        mvc.perform(get("/admin/users/{id}/edit", user.accountId()).with(TestUsers.as(admin)))
                .andExpect(status().isOk())
                .andExpect(view().name("platform/user-edit"));
        mvc.perform(post("/admin/users/{id}", user.accountId()).with(TestUsers.as(admin)).with(csrf())
                        .param("displayName", "改名 太郎").param("roles", "EMPLOYEE").param("roles", "HR"))
                .andExpect(redirectedUrl("/admin/users/" + user.accountId()));
        assertThat(accounts.findById(user.accountId()).orElseThrow().displayName()).isEqualTo("改名 太郎");
        assertThat(accounts.rolesOf(user.accountId())).contains(new RoleGrant(Role.HR, null));
        assertThat(actions(user.accountId())).contains("platform.account.updated");
        // a manager needs departments
        mvc.perform(post("/admin/users/{id}", user.accountId()).with(TestUsers.as(admin)).with(csrf())
                        .param("displayName", "改名 太郎").param("roles", "MANAGER"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("userEditForm", "departmentCodes"));
    }

    @Test
    void disablesAndEnablesAnAccountRevokingItsTokens() throws Exception {
        var admin = users.create(Role.SYSTEM_ADMIN);
        var user = users.create(Role.EMPLOYEE);
        tokens.create(user.accountId(), "revoked-by-disable", 5);
        mvc.perform(post("/admin/users/{id}/disable", user.accountId()).with(TestUsers.as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + user.accountId()));
        assertThat(accounts.findById(user.accountId()).orElseThrow().enabled()).isFalse();
        assertThat(tokens.listFor(user.accountId())).allSatisfy(t -> assertThat(t.revokedAt()).isNotNull());
        mvc.perform(post("/admin/users/{id}/enable", user.accountId()).with(TestUsers.as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + user.accountId()));
        assertThat(accounts.findById(user.accountId()).orElseThrow().enabled()).isTrue();
        assertThat(actions(user.accountId())).contains("platform.account.disabled", "platform.account.enabled");
    }

    @Test
    void refusesToDisableOnesOwnAccount() throws Exception {
        var admin = users.create(Role.SYSTEM_ADMIN);
        mvc.perform(post("/admin/users/{id}/disable", admin.accountId()).with(TestUsers.as(admin)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("ご自身のアカウントは無効にできません。")));
        assertThat(accounts.findById(admin.accountId()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void unlocksAndResetsPasswords() throws Exception {
        var admin = users.create(Role.SYSTEM_ADMIN);
        var user = users.create(Role.EMPLOYEE);
        accounts.lockUntil(user.accountId(), Instant.now().plus(1, ChronoUnit.HOURS));
        mvc.perform(get("/admin/users/{id}", user.accountId()).with(TestUsers.as(admin)))
                .andExpect(content().string(containsString("/admin/users/" + user.accountId() + "/unlock")));
        mvc.perform(post("/admin/users/{id}/unlock", user.accountId()).with(TestUsers.as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + user.accountId()));
        assertThat(accounts.findById(user.accountId()).orElseThrow().lockedAt(Instant.now())).isFalse();

        mvc.perform(post("/admin/users/{id}/password", user.accountId()).with(TestUsers.as(admin)).with(csrf())
                        .param("password", "short"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("resetForm", "password"));
        var result = mvc.perform(post("/admin/users/{id}/password", user.accountId()).with(TestUsers.as(admin)).with(csrf())
                        .param("password", ""))
                .andExpect(redirectedUrl("/admin/users/" + user.accountId()))
                .andReturn();
        String generated = (String) result.getFlashMap().get("generatedPassword");
        assertThat(encoder.matches(generated, accounts.findById(user.accountId()).orElseThrow().passwordHash())).isTrue();
        assertThat(actions(user.accountId())).contains("platform.account.unlocked", "platform.account.passwordReset");
    }

    @Test
    void answersNotFoundForAMissingAccount() throws Exception {
        var admin = users.create(Role.SYSTEM_ADMIN);
        mvc.perform(get("/admin/users/{id}", Long.MAX_VALUE).with(TestUsers.as(admin)))
                .andExpect(status().isNotFound());
    }

    private List<String> actions(long accountId) {
        return ledger.historyOf(Subject.of("account", accountId)).stream().map(LedgerEntry::action).toList();
    }

    private static List<MockHttpServletRequestBuilder> pages(long id) {
        return List.of(
                get("/admin/users"),
                get("/admin/users/new"),
                get("/admin/users/{id}", id),
                get("/admin/users/{id}/edit", id),
                post("/admin/users").param("username", "intruder-" + id).param("displayName", "x")
                        .param("roles", "SYSTEM_ADMIN"),
                post("/admin/users/{id}", id).param("displayName", "乗っ取り").param("roles", "SYSTEM_ADMIN"),
                post("/admin/users/{id}/disable", id),
                post("/admin/users/{id}/enable", id),
                post("/admin/users/{id}/unlock", id),
                post("/admin/users/{id}/password", id).param("password", "attacker-chosen-password"));
    }
}
