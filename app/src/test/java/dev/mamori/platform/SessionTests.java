package dev.mamori.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.platform.internal.security.AccountManagement;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.platform.internal.security.RoleGrant;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Sessions: an expired session on an htmx request reloads the whole page instead of swapping the login
 * page into a fragment, and administrators' changes reach open sessions at once.
 */
@MamoriTest
class SessionTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    AccountManagement management;

    @Test
    void idleTimeoutDefaultsToThirtyMinutes(@Value("${server.servlet.session.timeout}") Duration timeout) {
        assertThat(timeout).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void expiredSessionOnHtmxRequestAsksForAFullReload() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        MockHttpSession session = signIn(user);
        mvc.perform(get("/account/tokens").session(session).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("platform-tokens")));
        session.invalidate();
        // the server no longer knows the browser's session: the request arrives with a fresh, empty one
        mvc.perform(get("/account/tokens").session(new MockHttpSession()).header("HX-Request", "true"))
                .andExpect(status().isForbidden())
                .andExpect(header().string("HX-Refresh", "true"))
                .andExpect(header().doesNotExist("Location"))
                .andExpect(content().string(not(containsString("name=\"password\""))));
    }

    @Test
    void expiredSessionOnAFullPageRedirectsToLogin() throws Exception {
        mvc.perform(get("/account/tokens").session(new MockHttpSession()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"))
                .andExpect(header().doesNotExist("HX-Refresh"));
    }

    @Test
    void htmxPostWithTheCsrfTokenOfAnExpiredSessionAsksForAFullReload() throws Exception {
        mvc.perform(post("/account/tokens/1/revoke").session(new MockHttpSession())
                        .header("HX-Request", "true").header("X-CSRF-TOKEN", "token-of-a-dead-session"))
                .andExpect(status().isForbidden())
                .andExpect(header().string("HX-Refresh", "true"));
    }

    @Test
    void returnsToTheFullPageNotTheFragmentAfterLogin() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/account/tokens").session(session).header("HX-Request", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(login(user).session(session)).andExpect(redirectedUrl("/"));

        MockHttpSession second = new MockHttpSession();
        mvc.perform(get("/account").session(second)).andExpect(redirectedUrl("/login"));
        mvc.perform(login(user).session(second)).andExpect(redirectedUrl("http://localhost/account?continue"));
    }

    @Test
    void disablingAnAccountEndsItsOpenSessions() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        MockHttpSession session = signIn(user);
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
        management.setEnabled(user.accountId(), false);
        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login"));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void roleChangesReachOpenSessionsAtOnce() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        MockHttpSession session = signIn(user);
        mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());
        management.update(user.accountId(), user.displayName(), null, true, java.util.List.of(
                new RoleGrant(Role.EMPLOYEE, null), new RoleGrant(Role.SYSTEM_ADMIN, null)));
        mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login(MamoriUserDetails user) {
        return post("/login").param("username", user.getUsername()).param("password", TestUsers.PASSWORD)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
    }

    private MockHttpSession signIn(MamoriUserDetails user) throws Exception {
        var result = mvc.perform(formLogin("/login").user(user.getUsername()).password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
