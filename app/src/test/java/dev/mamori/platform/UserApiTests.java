package dev.mamori.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.internal.security.AccountRepository;
import dev.mamori.platform.internal.security.ApiTokens;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * {@code /api/v1/users}: user administration over the API, for system administrators only.
 */
@MamoriTest
class UserApiTests {

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

    static final String NEW_USER = """
            {"username":"%s","displayName":"山田 花子","roles":["EMPLOYEE","AUDITOR"]}""";

    @Test
    void refusesAnonymousCallersWith401() throws Exception {
        for (var request : requests(1)) {
            mvc.perform(request).andExpect(status().isUnauthorized());
        }
    }

    @Test
    void refusesEmployeesWith403() throws Exception {
        var employee = users.create(Role.EMPLOYEE, Role.HR, Role.AUDITOR);
        String auth = TestUsers.bearer(users.token(employee));
        for (var request : requests(employee.accountId())) {
            mvc.perform(request.header("Authorization", auth)).andExpect(status().isForbidden());
        }
        assertThat(accounts.findById(employee.accountId()).orElseThrow().displayName()).isEqualTo(employee.displayName());
    }

    @Test
    void createsAccountWithGeneratedPasswordShownOnce() throws Exception {
        String auth = adminAuth();
        String username = "api-" + System.nanoTime();
        var body = mvc.perform(post("/api/v1/users").header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON).content(NEW_USER.formatted(username)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.account.username").value(username))
                .andExpect(jsonPath("$.account.roles[*].role").value(hasItem("AUDITOR")))
                .andExpect(jsonPath("$.account.passwordHash").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String password = JsonPath.read(body, "$.generatedPassword");
        long id = ((Number) JsonPath.read(body, "$.account.id")).longValue();
        assertThat(encoder.matches(password, accounts.findById(id).orElseThrow().passwordHash())).isTrue();
        assertThat(actions(id)).contains("platform.account.created");

        mvc.perform(get("/api/v1/users/{id}", id).header("Authorization", auth))
                .andExpect(status().isOk())
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString(password))));
        mvc.perform(get("/api/v1/users").param("q", username).header("Authorization", auth))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].username").value(username))
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void refusesDuplicateAndInvalidAccounts() throws Exception {
        String auth = adminAuth();
        var existing = users.create(Role.EMPLOYEE);
        mvc.perform(post("/api/v1/users").header("Authorization", auth).contentType(MediaType.APPLICATION_JSON)
                        .content(NEW_USER.formatted(existing.getUsername().toUpperCase())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("username"));
        mvc.perform(post("/api/v1/users").header("Authorization", auth).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"ok-name-" + System.nanoTime() + "\",\"displayName\":\"x\",\"roles\":[\"MANAGER\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("departmentCodes"));
        mvc.perform(post("/api/v1/users").header("Authorization", auth).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"ok-name-" + System.nanoTime() + "\",\"displayName\":\"x\",\"roles\":[\"EMPLOYEE\"],\"password\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("password"));
    }

    @Test
    void updatesRolesAndDisablingRevokesTokens() throws Exception {
        String auth = adminAuth();
        var user = users.create(Role.EMPLOYEE);
        var token = tokens.create(user.accountId(), "worker", 5);
        mvc.perform(put("/api/v1/users/{id}", user.accountId()).header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"新しい名前\",\"roles\":[\"EMPLOYEE\",\"IT_SECURITY\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("新しい名前"))
                .andExpect(jsonPath("$.roles[*].role").value(hasItem("IT_SECURITY")))
                .andExpect(jsonPath("$.enabled").value(true));
        mvc.perform(get("/api/v1/account").header("Authorization", TestUsers.bearer(token.secret())))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/users/{id}", user.accountId()).header("Authorization", auth)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"新しい名前\",\"roles\":[\"EMPLOYEE\"],\"enabled\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/v1/account").header("Authorization", TestUsers.bearer(token.secret())))
                .andExpect(status().isUnauthorized());
        assertThat(actions(user.accountId())).contains("platform.account.updated", "platform.account.disabled",
                "platform.token.revokedAll");
    }

    @Test
    void unlocksALockedAccount() throws Exception {
        String auth = adminAuth();
        var user = users.create(Role.EMPLOYEE);
        accounts.lockUntil(user.accountId(), Instant.now().plus(1, ChronoUnit.HOURS));
        mvc.perform(get("/api/v1/users/{id}", user.accountId()).header("Authorization", auth))
                .andExpect(jsonPath("$.locked").value(true));
        mvc.perform(post("/api/v1/users/{id}/unlock", user.accountId()).header("Authorization", auth))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locked").value(false));
        assertThat(actions(user.accountId())).contains("platform.account.unlocked");
    }

    @Test
    void answersNotFoundForAMissingAccount() throws Exception {
        mvc.perform(get("/api/v1/users/{id}", Long.MAX_VALUE).header("Authorization", adminAuth()))
                .andExpect(status().isNotFound());
    }

    private String adminAuth() {
        return TestUsers.bearer(users.token(users.create(Role.SYSTEM_ADMIN)));
    }

    private List<String> actions(long accountId) {
        return ledger.historyOf(Subject.of("account", accountId)).stream().map(LedgerEntry::action).toList();
    }

    private static List<MockHttpServletRequestBuilder> requests(long id) {
        String update = "{\"displayName\":\"乗っ取り\",\"roles\":[\"SYSTEM_ADMIN\"]}";
        return List.of(
                get("/api/v1/users"),
                get("/api/v1/users/{id}", id),
                post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content(NEW_USER.formatted("intruder")),
                put("/api/v1/users/{id}", id).contentType(MediaType.APPLICATION_JSON).content(update),
                post("/api/v1/users/{id}/unlock", id));
    }
}
