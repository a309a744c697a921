package dev.mamori.access.web;

import static dev.mamori.support.TestUsers.as;
import static dev.mamori.support.TestUsers.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/** The check, grant and request endpoints, and who may call them. */
@MamoriTest
class AccessApiTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;

    record World(Register reg, long dept, MamoriUserDetails manager, long secret, MamoriUserDetails employee) {
    }

    World world() {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        MamoriUserDetails manager = reg.manager(dept);
        reg.assignManager(dept, manager.personId());
        long secret = reg.asset(manager, dept, Register.unique("極秘"));
        reg.designate(manager, secret, "TOP_SECRET", AccessHolder.person(manager.personId()));
        return new World(reg, dept, manager, secret, reg.employee(reg.department(null)));
    }

    static String check(Object person, long asset, String action) {
        String subject = person instanceof String s ? "\"employeeNumber\":\"" + s + "\"" : "\"personId\":" + person;
        return "{" + subject + ",\"action\":\"" + action + "\",\"assetId\":" + asset + "}";
    }

    @Test
    void anIntegrationWithItSecurityAsksAboutAnyoneAndGetsTheReasonInBothLanguages() throws Exception {
        World w = world();
        String token = users.token(users.create(Role.IT_SECURITY));
        mvc.perform(post("/api/v1/access/check").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(check(w.employee().personId(), w.secret(), "VIEW")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.permitted").value(false))
                .andExpect(jsonPath("$.outcome").value("DENY"))
                .andExpect(jsonPath("$.levelCode").value("TOP_SECRET"))
                .andExpect(jsonPath("$.reason.key").value("policy.decision.notAccessHolder"))
                .andExpect(jsonPath("$.reason.ja").value(org.hamcrest.Matchers.containsString("アクセス権者")))
                .andExpect(jsonPath("$.reason.en").value(org.hamcrest.Matchers.containsString("access")));
        mvc.perform(post("/api/v1/access/check").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(check(w.manager().personId(), w.secret(), "TAKE_OUT")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.permitted").value(true))
                .andExpect(jsonPath("$.obligations").isArray());
        String employeeNumber = directory.findPerson(w.manager().personId()).orElseThrow().employeeNumber();
        mvc.perform(post("/api/v1/access/check/batch").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checks\":[" + check(employeeNumber, w.secret(), "VIEW") + ","
                                + check(w.employee().personId(), w.secret(), "VIEW") + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results.length()").value(2))
                .andExpect(jsonPath("$.results[0].outcome").value("ALLOW_WITH_CONDITIONS"))
                .andExpect(jsonPath("$.results[1].permitted").value(false));
    }

    @Test
    void theCheckRefusesAnonymousCallersAndOrdinaryEmployeesAskingAboutOthers() throws Exception {
        World w = world();
        mvc.perform(post("/api/v1/access/check").contentType(MediaType.APPLICATION_JSON)
                        .content(check(w.employee().personId(), w.secret(), "VIEW")))
                .andExpect(status().isUnauthorized());
        String employeeToken = users.token(w.employee());
        mvc.perform(post("/api/v1/access/check").header("Authorization", bearer(employeeToken))
                        .contentType(MediaType.APPLICATION_JSON).content(check(w.manager().personId(), w.secret(), "VIEW")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/access/check/batch").header("Authorization", bearer(employeeToken))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"checks\":[" + check(w.employee().personId(), w.secret(), "VIEW") + ","
                                + check(w.manager().personId(), w.secret(), "VIEW") + "]}"))
                .andExpect(status().isForbidden());
        // about themselves: answered
        mvc.perform(post("/api/v1/access/check").header("Authorization", bearer(employeeToken))
                        .contentType(MediaType.APPLICATION_JSON).content(check(w.employee().personId(), w.secret(), "VIEW")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.permitted").value(false));
        // an auditor is not an integration either
        mvc.perform(post("/api/v1/access/check").with(as(users.create(Role.AUDITOR))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(check(w.employee().personId(), w.secret(), "VIEW")))
                .andExpect(status().isForbidden());
    }

    @Test
    void grantsAreIssuedOnlyByTheEntrysManagerAndReadWithinScope() throws Exception {
        World w = world();
        String body = "{\"assetId\":" + w.secret() + ",\"holderKind\":\"PERSON\",\"holderRef\":\"" + w.employee().personId()
                + "\",\"level\":\"VIEW\",\"reason\":\"評価作業\"}";
        mvc.perform(post("/api/v1/access/grants").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/access/grants").header("Authorization", bearer(users.token(w.employee())))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        MamoriUserDetails otherManager = w.reg().manager(w.reg().department(null));
        mvc.perform(post("/api/v1/access/grants").header("Authorization", bearer(users.token(otherManager)))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/access/grants").header("Authorization", bearer(users.token(w.manager())))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.level").value("VIEW"));
        mvc.perform(get("/api/v1/access/grants").param("personId", String.valueOf(w.employee().personId()))
                        .header("Authorization", bearer(users.token(w.employee()))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/api/v1/access/grants").param("assetId", String.valueOf(w.secret()))
                        .header("Authorization", bearer(users.token(w.employee()))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/access/grants").param("assetId", String.valueOf(w.secret()))
                        .header("Authorization", bearer(users.token(otherManager))))
                .andExpect(status().isForbidden());
    }

    @Test
    void requestsAreSubmittedAndDecidedOverTheApi() throws Exception {
        World w = world();
        String token = users.token(w.employee());
        mvc.perform(post("/api/v1/access/requests").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ACCESS\",\"assetId\":" + w.secret() + ",\"level\":\"VIEW\",\"reason\":\"レビュー\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"));
        mvc.perform(get("/api/v1/access/requests").param("box", "inbox").header("Authorization", bearer(users.token(w.manager()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.assetId == " + w.secret() + ")]").exists());
        mvc.perform(get("/api/v1/access/requests")).andExpect(status().isUnauthorized());
    }
}
