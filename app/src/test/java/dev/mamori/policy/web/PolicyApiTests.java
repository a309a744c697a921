package dev.mamori.policy.web;

import static dev.mamori.support.TestUsers.as;
import static dev.mamori.support.TestUsers.bearer;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.mamori.directory.DepartmentDraft;
import dev.mamori.directory.Directory;
import dev.mamori.directory.EmploymentType;
import dev.mamori.directory.PersonDraft;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.platform.internal.security.RoleGrant;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The policy API and pages: anonymous callers refused, any signed-in caller reads the scheme and the
 * standard and asks about themselves; only IT_SECURITY, SYSTEM_ADMIN or CHIEF_OFFICER ask about others.
 */
@MamoriTest
class PolicyApiTests {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Directory directory;

    static String body(String person, boolean holder, String level, String action) {
        return "{" + (person == null ? "" : "\"personId\":" + person + ",") + "\"accessHolder\":" + holder
                + ",\"manager\":false,\"levelCode\":\"" + level + "\",\"action\":\"" + action
                + "\",\"medium\":\"ELECTRONIC\",\"location\":\"INSIDE_OFFICE\",\"recipient\":\"NONE\"}";
    }

    /** An EMPLOYEE account of a new person registered in a new department. */
    MamoriUserDetails employeeWithPerson() {
        MamoriUserDetails hr = users.create(Role.HR);
        var before = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(hr, null, hr.getAuthorities()));
        try {
            String u = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            long dept = directory.createDepartment(new DepartmentDraft("D" + u, "部署" + u, null, null));
            long person = directory.registerPerson(new PersonDraft("E" + u, "山田 太郎", "やまだ たろう", null, "主任",
                    EmploymentType.REGULAR, null, dept, List.of(), LocalDate.now(Directory.JAPAN)));
            return users.create(person, List.of(new RoleGrant(Role.EMPLOYEE, null)));
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    @Test
    void anonymousCallersAreRefusedEverywhere() throws Exception {
        mvc.perform(get("/api/v1/policy/levels")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/policy/standard")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/policy/decisions").contentType(MediaType.APPLICATION_JSON)
                .content(body(null, true, "TOP_SECRET", "VIEW"))).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/policy/decisions/batch").contentType(MediaType.APPLICATION_JSON)
                .content("[" + body(null, true, "TOP_SECRET", "VIEW") + "]")).andExpect(status().isUnauthorized());
        mvc.perform(get("/policy/levels")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/policy/standard")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void anyEmployeeReadsTheSchemeAndTheStandard() throws Exception {
        String token = users.token(users.create(Role.EMPLOYEE));
        mvc.perform(get("/api/v1/policy/levels").header("Authorization", bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("TOP_SECRET"))
                .andExpect(jsonPath("$[1].code").value("CONFIDENTIAL"))
                .andExpect(jsonPath("$[1].nameJa").value("社外秘"));
        mvc.perform(get("/api/v1/policy/standard").header("Authorization", bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rules.length()").value(Matchers.greaterThanOrEqualTo(48)))
                .andExpect(jsonPath("$.rules[*].source", hasItem(Matchers.containsString("秘密情報の保護ハンドブック"))));
    }

    @Test
    void anEmployeeAsksAboutThemselves() throws Exception {
        MamoriUserDetails me = employeeWithPerson();
        String self = String.valueOf(me.personId());
        String token = users.token(me);
        mvc.perform(post("/api/v1/policy/decisions").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(body(null, true, "TOP_SECRET", "COPY")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision.outcome").value("DENY"))
                .andExpect(jsonPath("$.decision.reasonKey").value("policy.decision.managerOnly"))
                .andExpect(jsonPath("$.decision.ruleIds[0]").value("TOP_SECRET/COPYING/ELECTRONIC"))
                .andExpect(jsonPath("$.reason").isNotEmpty());
        mvc.perform(post("/api/v1/policy/decisions/batch").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content("[" + body(self, true, "CONFIDENTIAL", "VIEW")
                                + "," + body(self, false, "CONFIDENTIAL", "VIEW") + "]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].decision.outcome").value("ALLOW_WITH_CONDITIONS"))
                .andExpect(jsonPath("$[1].decision.outcome").value("DENY"));
    }

    @Test
    void anEmployeeMayNotAskAboutSomeoneElse() throws Exception {
        String token = users.token(employeeWithPerson());
        mvc.perform(post("/api/v1/policy/decisions").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(body("910003", true, "TOP_SECRET", "VIEW")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/policy/decisions/batch").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content("[" + body(null, true, "TOP_SECRET", "VIEW")
                                + "," + body("910003", true, "TOP_SECRET", "VIEW") + "]"))
                .andExpect(status().isForbidden());
        String wide = users.token(users.create(Role.AUDITOR, Role.HR, Role.LEGAL, Role.COMMITTEE));
        mvc.perform(post("/api/v1/policy/decisions").header("Authorization", bearer(wide))
                        .contentType(MediaType.APPLICATION_JSON).content(body("910003", true, "TOP_SECRET", "VIEW")))
                .andExpect(status().isForbidden());
    }

    @Test
    void securityAdminsAndTheChiefOfficerMayAskAboutAnyone() throws Exception {
        for (Role role : List.of(Role.IT_SECURITY, Role.SYSTEM_ADMIN, Role.CHIEF_OFFICER)) {
            String token = users.token(users.create(role));
            mvc.perform(post("/api/v1/policy/decisions").header("Authorization", bearer(token))
                            .contentType(MediaType.APPLICATION_JSON).content(body("910004", false, "TOP_SECRET", "VIEW")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.decision.outcome").value("DENY"))
                    .andExpect(jsonPath("$.decision.reasonKey").value("policy.decision.notAccessHolder"));
        }
    }

    @Test
    void pagesShowTheMatrixAndTheLevels() throws Exception {
        MamoriUserDetails employee = users.create(Role.EMPLOYEE);
        mvc.perform(get("/policy/standard").with(as(employee)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("policy-standard-TOP_SECRET")))
                .andExpect(content().string(Matchers.containsString("秘密情報の保護ハンドブック")));
        mvc.perform(get("/policy/levels").with(as(employee)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("CONFIDENTIAL")));
    }
}
