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

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.platform.internal.security.AccountRepository;
import dev.mamori.platform.internal.security.ApiTokens;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The "my account" page: profile, password change and personal API tokens, for any signed-in user.
 */
@MamoriTest
class AccountPageTests {

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

    @Test
    void showsProfileRolesAndTokensInJapaneseByDefault() throws Exception {
        var user = users.create(Role.EMPLOYEE, Role.HR);
        tokens.issue(user.accountId(), "夜間バッチ", Instant.now().plus(3, ChronoUnit.DAYS));
        mvc.perform(get("/account").with(TestUsers.as(user)))
                .andExpect(status().isOk())
                .andExpect(view().name("platform/account"))
                .andExpect(content().string(containsString("アカウント設定")))
                .andExpect(content().string(containsString(user.getUsername())))
                .andExpect(content().string(containsString("人事")))
                .andExpect(content().string(containsString("夜間バッチ")))
                .andExpect(content().string(containsString("id=\"platform-tokens\"")));
    }

    @Test
    void redirectsAnonymousVisitorsToLogin() throws Exception {
        var owner = users.create(Role.EMPLOYEE);
        var token = tokens.issue(owner.accountId(), "not-for-strangers", Instant.now().plus(1, ChronoUnit.DAYS));
        for (var request : java.util.List.of(
                get("/account"),
                get("/account/tokens"),
                get("/account/tokens/created"),
                post("/account/password").param("currentPassword", "x").param("newPassword", "y").param("confirmation", "y"),
                post("/account/tokens").param("name", "anonymous").param("validityDays", "5"),
                post("/account/tokens/{id}/revoke", token.id()))) {
            mvc.perform(request.with(csrf())).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
        assertThat(tokens.listFor(owner.accountId())).singleElement()
                .satisfies(t -> assertThat(t.revokedAt()).isNull());
    }

    @Test
    void changesPasswordWithTheCurrentOne() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        mvc.perform(post("/account/password").with(TestUsers.as(user)).with(csrf())
                        .param("currentPassword", TestUsers.PASSWORD)
                        .param("newPassword", "a-new-and-long-password")
                        .param("confirmation", "a-new-and-long-password"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/account"))
                .andExpect(flash().attribute("notice", "platform.account.passwordChanged"));
        String hash = accounts.findById(user.accountId()).orElseThrow().passwordHash();
        assertThat(encoder.matches("a-new-and-long-password", hash)).isTrue();
    }

    @Test
    void showsPasswordErrorsBesideTheFields() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        mvc.perform(post("/account/password").with(TestUsers.as(user)).with(csrf())
                        .param("currentPassword", TestUsers.PASSWORD)
                        .param("newPassword", "short")
                        .param("confirmation", "different"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("passwordForm", "newPassword", "confirmation"))
                .andExpect(content().string(containsString("パスワードは 12 文字以上 256 文字以内で入力してください。")))
                .andExpect(content().string(containsString("確認用のパスワードが一致しません。")))
                .andExpect(content().string(not(containsString("value=\"short\""))));
        mvc.perform(post("/account/password").with(TestUsers.as(user)).with(csrf())
                        .param("currentPassword", "not-the-password")
                        .param("newPassword", "another-long-password")
                        .param("confirmation", "another-long-password"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("passwordForm", "currentPassword",
                        "platform.account.currentPasswordWrong"))
                .andExpect(content().string(containsString("現在のパスワードが正しくありません。")));
        String hash = accounts.findById(user.accountId()).orElseThrow().passwordHash();
        assertThat(encoder.matches(TestUsers.PASSWORD, hash)).isTrue();
    }

    @Test
    void refusesFormPostWithoutCsrfToken() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        mvc.perform(post("/account/password").with(TestUsers.as(user))
                        .param("currentPassword", TestUsers.PASSWORD)
                        .param("newPassword", "a-new-and-long-password")
                        .param("confirmation", "a-new-and-long-password"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/account/tokens").with(TestUsers.as(user)).param("name", "x").param("validityDays", "5"))
                .andExpect(status().isForbidden());
        assertThat(tokens.listFor(user.accountId())).isEmpty();
    }

    @Test
    void createsTokenAndShowsTheSecretOnce() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        var created = mvc.perform(post("/account/tokens").with(TestUsers.as(user)).with(csrf())
                        .param("name", "CI連携").param("validityDays", "30"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/account/tokens/created"))
                .andReturn();
        var issued = (ApiTokens.IssuedToken) created.getFlashMap().get("issued");
        assertThat(issued.secret()).startsWith(ApiTokens.PREFIX);
        mvc.perform(get("/account/tokens/created").with(TestUsers.as(user)).flashAttrs(created.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(view().name("platform/token-created"))
                .andExpect(content().string(containsString(issued.secret())))
                .andExpect(content().string(containsString("今回限り")));
        // without the flash (a reload, another visit) the secret is gone
        mvc.perform(get("/account/tokens/created").with(TestUsers.as(user)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/account").with(TestUsers.as(user)))
                .andExpect(content().string(containsString("CI連携")))
                .andExpect(content().string(not(containsString(issued.secret()))));
        var token = tokens.listFor(user.accountId()).get(0);
        assertThat(token.expiresAt()).isBetween(Instant.now().plus(29, ChronoUnit.DAYS), Instant.now().plus(31, ChronoUnit.DAYS));
    }

    @Test
    void offersTheConfiguredDefaultValidityAndRefusesMoreThanAYear() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        var page = mvc.perform(get("/account").with(TestUsers.as(user))).andReturn();
        var form = page.getModelAndView().getModel().get("tokenForm");
        assertThat(form).hasFieldOrPropertyWithValue("validityDays", 90);
        assertThat(tokens.defaultValidityDays()).isEqualTo(90);
        mvc.perform(post("/account/tokens").with(TestUsers.as(user)).with(csrf())
                        .param("name", "長すぎる").param("validityDays", "366"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("tokenForm", "validityDays"))
                .andExpect(content().string(containsString("有効期間は 1〜365 日で指定してください。")));
        mvc.perform(post("/account/tokens").with(TestUsers.as(user)).with(csrf())
                        .param("name", "").param("validityDays", "10"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("tokenForm", "name"));
        assertThat(tokens.listFor(user.accountId())).isEmpty();
    }

    @Test
    void rendersTokenTableFragmentForHtmxRequest() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        tokens.issue(user.accountId(), "fragment-token", Instant.now().plus(1, ChronoUnit.DAYS));
        mvc.perform(get("/account/tokens").with(TestUsers.as(user)).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"platform-tokens\"")))
                .andExpect(content().string(containsString("fragment-token")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/account/tokens").with(TestUsers.as(user)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("fragment-token")));
    }

    @Test
    void revokesOwnTokenInPlaceWithHtmxAndByFullPost() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        var first = tokens.issue(user.accountId(), "first", Instant.now().plus(1, ChronoUnit.DAYS));
        var second = tokens.issue(user.accountId(), "second", Instant.now().plus(1, ChronoUnit.DAYS));
        mvc.perform(post("/account/tokens/{id}/revoke", first.id()).with(TestUsers.as(user)).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("HX-Trigger", containsString("platform-tokens-changed")));
        mvc.perform(post("/account/tokens/{id}/revoke", second.id()).with(TestUsers.as(user)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/account"));
        assertThat(tokens.listFor(user.accountId())).allSatisfy(t -> assertThat(t.revokedAt()).isNotNull());
    }

    @Test
    void cannotRevokeAnotherUsersToken() throws Exception {
        var owner = users.create(Role.EMPLOYEE);
        var other = users.create(Role.SYSTEM_ADMIN);
        var token = tokens.issue(owner.accountId(), "owned", Instant.now().plus(1, ChronoUnit.DAYS));
        mvc.perform(post("/account/tokens/{id}/revoke", token.id()).with(TestUsers.as(other)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/account/tokens/{id}/revoke", token.id()).with(TestUsers.as(other)).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isNotFound());
        assertThat(tokens.listFor(owner.accountId()).get(0).revokedAt()).isNull();
    }
}
