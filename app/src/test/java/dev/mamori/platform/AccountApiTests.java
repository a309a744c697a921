package dev.mamori.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.platform.internal.security.ApiTokens;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * {@code /api/v1/account}: the caller's own account and API tokens.
 */
@MamoriTest
class AccountApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    ApiTokens tokens;

    @Test
    void refusesAnonymousCallersWith401() throws Exception {
        mvc.perform(get("/api/v1/account")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/account/tokens")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/account/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/v1/account/tokens/1")).andExpect(status().isUnauthorized());
    }

    @Test
    void describesTheCallerWithoutAnyHash() throws Exception {
        var user = users.create(Role.EMPLOYEE, Role.LEGAL);
        String token = users.token(user);
        mvc.perform(get("/api/v1/account").header("Authorization", TestUsers.bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(user.accountId()))
                .andExpect(jsonPath("$.displayName").value(user.displayName()))
                .andExpect(jsonPath("$.locale").value("ja"))
                .andExpect(jsonPath("$.roles[*].role").value(hasItem("LEGAL")))
                .andExpect(jsonPath("$.passwordHash").doesNotExist())
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString("argon2"))));
    }

    @Test
    void createsListsAndRevokesOwnTokens() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        String auth = TestUsers.bearer(users.token(user));
        var created = mvc.perform(post("/api/v1/account/tokens").header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"deploy\",\"validityDays\":10}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").exists())
                .andExpect(jsonPath("$.name").value("deploy"))
                .andReturn().getResponse().getContentAsString();
        String secret = JsonPath.read(created, "$.token");
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        Instant expires = Instant.parse(JsonPath.read(created, "$.expiresAt"));
        assertThat(expires).isBetween(Instant.now().plus(9, ChronoUnit.DAYS), Instant.now().plus(11, ChronoUnit.DAYS));

        mvc.perform(get("/api/v1/account").header("Authorization", TestUsers.bearer(secret))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/account/tokens").header("Authorization", auth))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'deploy')].status").value(hasItem("ACTIVE")))
                .andExpect(jsonPath("$[0].token").doesNotExist())
                .andExpect(jsonPath("$[0].tokenHash").doesNotExist())
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString(secret))));

        mvc.perform(delete("/api/v1/account/tokens/{id}", id).header("Authorization", auth))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/account").header("Authorization", TestUsers.bearer(secret)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/account/tokens").header("Authorization", auth))
                .andExpect(jsonPath("$[?(@.name == 'deploy')].status").value(hasItem("REVOKED")));
    }

    @Test
    void usesTheConfiguredDefaultValidityAndRefusesMoreThanAYear() throws Exception {
        var user = users.create(Role.EMPLOYEE);
        String auth = TestUsers.bearer(users.token(user));
        var created = mvc.perform(post("/api/v1/account/tokens").header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"default\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        Instant expires = Instant.parse(JsonPath.read(created, "$.expiresAt"));
        int days = tokens.defaultValidityDays();
        assertThat(expires).isBetween(Instant.now().plus(days - 1, ChronoUnit.DAYS), Instant.now().plus(days + 1, ChronoUnit.DAYS));
        mvc.perform(post("/api/v1/account/tokens").header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"too long\",\"validityDays\":366}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("validityDays"));
    }

    @Test
    void cannotRevokeAnotherUsersToken() throws Exception {
        var owner = users.create(Role.EMPLOYEE);
        var other = users.create(Role.SYSTEM_ADMIN);
        var owned = tokens.create(owner.accountId(), "owned", 5);
        mvc.perform(delete("/api/v1/account/tokens/{id}", owned.id())
                        .header("Authorization", TestUsers.bearer(users.token(other))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail_en").exists());
        mvc.perform(get("/api/v1/account").header("Authorization", TestUsers.bearer(owned.secret())))
                .andExpect(status().isOk());
    }
}
