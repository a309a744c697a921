package dev.mamori.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.platform.internal.security.AccountRepository;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Japanese by default; {@code ?lang=en} switches to English and a signed-in user's choice is kept on the account.
 */
@MamoriTest
class LanguageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    AccountRepository accounts;

    @Test
    void speaksJapaneseByDefault() throws Exception {
        mvc.perform(get("/login")).andExpect(content().string(containsString("ログイン")));
        var user = users.create(Role.EMPLOYEE);
        mvc.perform(get("/account").session(signIn(user)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("アカウント設定")))
                .andExpect(content().string(containsString("lang=\"ja\"")));
    }

    @Test
    void switchesToEnglishAndKeepsTheChoiceOnTheAccount() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        mvc.perform(get("/account").param("lang", "en").session(signIn(user)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("My account")))
                .andExpect(content().string(containsString("Change password")));
        assertThat(accounts.findById(user.accountId()).orElseThrow().locale()).isEqualTo("en");

        // a new session of the same account, without any cookie, is in English too
        mvc.perform(get("/account").session(signIn(user)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("My account")))
                .andExpect(content().string(containsString("lang=\"en\"")));

        mvc.perform(get("/account").param("lang", "ja").session(signIn(user)))
                .andExpect(content().string(containsString("アカウント設定")));
        assertThat(accounts.findById(user.accountId()).orElseThrow().locale()).isEqualTo("ja");
    }

    @Test
    void switchesTheLoginPageByCookieBeforeSigningIn() throws Exception {
        var result = mvc.perform(get("/login").param("lang", "en"))
                .andExpect(content().string(containsString("Sign in")))
                .andReturn();
        var cookie = result.getResponse().getCookie("mamori-lang");
        assertThat(cookie).isNotNull();
        mvc.perform(get("/login").cookie(cookie)).andExpect(content().string(containsString("Sign in")));
    }

    private MockHttpSession signIn(MamoriUserDetails user) throws Exception {
        var result = mvc.perform(formLogin("/login").user(user.getUsername()).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
