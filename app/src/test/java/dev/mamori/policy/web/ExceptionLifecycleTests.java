package dev.mamori.policy.web;

import static dev.mamori.support.TestUsers.as;
import static dev.mamori.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.platform.internal.security.RoleGrant;
import dev.mamori.policy.Action;
import dev.mamori.policy.DecisionRequest;
import dev.mamori.policy.HandlingRule;
import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Outcome;
import dev.mamori.policy.Policy;
import dev.mamori.policy.PolicyDecision;
import dev.mamori.policy.Recipient;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Departments' exceptions from request to end: a 管理責任者 asks for their department; only the 統括責任者 or
 * the committee decide; an approved exception changes decisions for that department's entries only; a
 * rejected one never applies; revoked and expired ones stop. Each department here is new, so the exceptions
 * touch no other test's decisions.
 */
@MamoriTest
class ExceptionLifecycleTests {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Directory directory;
    @Autowired Policy policy;
    @Autowired Ledger ledger;

    PolicyOrganisation organisation;
    long sales;
    long other;
    MamoriUserDetails salesManager;
    String managerToken;
    String chiefToken;
    String committeeToken;

    @BeforeEach
    void organisation() {
        organisation = new PolicyOrganisation(directory, users);
        sales = organisation.department(null);
        other = organisation.department(null);
        salesManager = organisation.manager(sales);
        managerToken = users.token(salesManager);
        chiefToken = users.token(users.create(Role.CHIEF_OFFICER));
        committeeToken = users.token(users.create(Role.COMMITTEE));
    }

    static String body(long department, String endsOn) {
        return "{\"levelCode\":\"TOP_SECRET\",\"aspect\":\"COPYING\",\"medium\":\"ELECTRONIC\",\"departmentId\":" + department
                + ",\"permitted\":\"ACCESS_HOLDERS\",\"waivedObligations\":[\"NO_PRIVATE_DEVICES\"],"
                + "\"reason\":\"量産立上げのため設計図面の複製が日常的に必要\""
                + (endsOn == null ? "" : ",\"endsOn\":\"" + endsOn + "\"") + "}";
    }

    static DecisionRequest copy(Long department) {
        return new DecisionRequest(1L, true, false, "TOP_SECRET", Action.COPY, Medium.ELECTRONIC, Location.INSIDE_OFFICE,
                Recipient.NONE, department);
    }

    long request(String token, long department, String endsOn) throws Exception {
        String json = mvc.perform(post("/api/v1/policy/exceptions").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(body(department, endsOn)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    void act(String token, long id, String action, String json) throws Exception {
        mvc.perform(post("/api/v1/policy/exceptions/" + id + "/" + action).header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isOk());
    }

    @Test
    void anApprovedExceptionAppliesOnlyToTheDepartmentsEntriesAndIsCited() throws Exception {
        long id = request(managerToken, sales, null);
        assertThat(policy.decide(copy(sales)).outcome()).as("pending").isEqualTo(Outcome.DENY);

        mvc.perform(post("/api/v1/policy/exceptions/" + id + "/approve").header("Authorization", bearer(chiefToken))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"来年3月に見直す\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decisionNote").value("来年3月に見直す"));

        PolicyDecision mine = policy.decide(copy(sales));
        assertThat(mine.outcome()).isEqualTo(Outcome.ALLOW_WITH_CONDITIONS);
        assertThat(mine.ruleIds()).containsExactly("TOP_SECRET/COPYING/ELECTRONIC#exception-" + id);
        assertThat(mine.obligations()).extracting(Enum::name).containsExactly("MARK_LEVEL");
        assertThat(policy.decide(copy(other)).reasonKey()).isEqualTo("policy.decision.managerOnly");
        assertThat(policy.decide(copy(null)).reasonKey()).isEqualTo("policy.decision.managerOnly");

        String ask = "{\"accessHolder\":true,\"manager\":false,\"levelCode\":\"TOP_SECRET\",\"action\":\"COPY\","
                + "\"medium\":\"ELECTRONIC\",\"departmentId\":" + sales + "}";
        mvc.perform(post("/api/v1/policy/decisions").header("Authorization", bearer(managerToken))
                        .contentType(MediaType.APPLICATION_JSON).content(ask))
                .andExpect(jsonPath("$.decision.ruleIds[0]").value("TOP_SECRET/COPYING/ELECTRONIC#exception-" + id))
                .andExpect(jsonPath("$.decision.reasonKey").value("policy.decision.withObligationsByException"))
                .andExpect(jsonPath("$.reason").value(containsString("部署の例外（番号 " + id + "）")));

        assertThat(ledger.historyOf(Subject.of("ruleException", id))).extracting(LedgerEntry::action)
                .containsExactly("policy.exception.requested", "policy.exception.approved");
        assertThat(policy.exceptionsInForce()).anyMatch(e -> e.id() == id);
        mvc.perform(get("/policy/standard/rules/TOP_SECRET/COPYING/ELECTRONIC").with(as(users.create(Role.EMPLOYEE))))
                .andExpect(content().string(containsString("policy-rule-exceptions")))
                .andExpect(content().string(containsString(directory.department(sales).nameJa())));

        // a second request for the same rule and department clashes while this one is in force
        mvc.perform(post("/api/v1/policy/exceptions").header("Authorization", bearer(managerToken))
                        .contentType(MediaType.APPLICATION_JSON).content(body(sales, null)))
                .andExpect(status().isConflict());
    }

    @Test
    void aRejectedExceptionNeverApplies() throws Exception {
        long id = request(managerToken, sales, null);
        mvc.perform(post("/api/v1/policy/exceptions/" + id + "/reject").header("Authorization", bearer(committeeToken))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail_en").value(containsString("reason for rejecting")));
        act(committeeToken, id, "reject", "{\"reason\":\"全社の基準で対応できる\"}");
        assertThat(policy.decide(copy(sales)).outcome()).isEqualTo(Outcome.DENY);
        mvc.perform(post("/api/v1/policy/exceptions/" + id + "/approve").header("Authorization", bearer(chiefToken)))
                .andExpect(status().isConflict());
        assertThat(policy.decide(copy(sales)).outcome()).isEqualTo(Outcome.DENY);
        assertThat(ledger.historyOf(Subject.of("ruleException", id))).extracting(LedgerEntry::action)
                .containsExactly("policy.exception.requested", "policy.exception.rejected");
        mvc.perform(get("/api/v1/policy/exceptions?status=REJECTED").header("Authorization", bearer(managerToken)))
                .andExpect(jsonPath("$[*].id", hasItem((int) id)));
    }

    @Test
    void aRevokedExceptionStopsApplyingAndAPendingOneCanBeWithdrawn() throws Exception {
        long id = request(managerToken, sales, null);
        act(committeeToken, id, "approve", "{}");
        assertThat(policy.decide(copy(sales)).allowed()).isTrue();
        act(managerToken, id, "revoke", "{\"reason\":\"立上げが終わった\"}");
        assertThat(policy.decide(copy(sales)).outcome()).isEqualTo(Outcome.DENY);
        assertThat(policy.exceptionsInForce()).noneMatch(e -> e.id() == id);
        mvc.perform(post("/api/v1/policy/exceptions/" + id + "/revoke").header("Authorization", bearer(chiefToken)))
                .andExpect(status().isConflict());

        long pending = request(managerToken, sales, null);
        act(managerToken, pending, "revoke", "{}");
        mvc.perform(get("/api/v1/policy/exceptions?status=WITHDRAWN").header("Authorization", bearer(chiefToken)))
                .andExpect(jsonPath("$[*].id", hasItem((int) pending)));
        assertThat(ledger.historyOf(Subject.of("ruleException", id))).extracting(LedgerEntry::action)
                .containsExactly("policy.exception.requested", "policy.exception.approved", "policy.exception.revoked");
        assertThat(ledger.historyOf(Subject.of("ruleException", pending))).extracting(LedgerEntry::action)
                .containsExactly("policy.exception.requested", "policy.exception.withdrawn");
    }

    @Test
    void anExceptionStopsApplyingAfterItsEndDate() throws Exception {
        LocalDate today = LocalDate.now(HandlingRule.JAPAN);
        long id = request(managerToken, sales, today.toString());
        act(chiefToken, id, "approve", "{}");
        assertThat(policy.decide(copy(sales)).allowed()).isTrue();
        var lastMoment = today.plusDays(1).atStartOfDay(HandlingRule.JAPAN).toInstant().minusSeconds(1);
        var nextDay = today.plusDays(1).atStartOfDay(HandlingRule.JAPAN).toInstant();
        assertThat(policy.standard().decideAt(copy(sales), lastMoment).allowed()).isTrue();
        assertThat(policy.standard().decideAt(copy(sales), nextDay).outcome()).isEqualTo(Outcome.DENY);
        assertThat(policy.standard().decideAt(copy(sales), nextDay).ruleIds())
                .containsExactly("TOP_SECRET/COPYING/ELECTRONIC");

        mvc.perform(post("/api/v1/policy/exceptions").header("Authorization", bearer(managerToken))
                        .contentType(MediaType.APPLICATION_JSON).content(body(other, today.minusDays(1).toString())))
                .andExpect(status().isForbidden());
        MamoriUserDetails otherManager = organisation.manager(other);
        mvc.perform(post("/api/v1/policy/exceptions").header("Authorization", bearer(users.token(otherManager)))
                        .contentType(MediaType.APPLICATION_JSON).content(body(other, today.minusDays(1).toString())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("endsOn"));
    }

    @Test
    void aManagerAsksOnlyForTheirDepartmentsAndThoseBelow() throws Exception {
        mvc.perform(post("/api/v1/policy/exceptions").header("Authorization", bearer(managerToken))
                        .contentType(MediaType.APPLICATION_JSON).content(body(other, null)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("policy.exception.departmentOutOfScope"));
        long team = organisation.department(sales);
        request(managerToken, team, null);
        mvc.perform(get("/api/v1/policy/exceptions").header("Authorization", bearer(users.token(organisation.manager(other)))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].departmentId", not(hasItem((int) team))));
        mvc.perform(get("/api/v1/policy/exceptions").header("Authorization", bearer(managerToken)))
                .andExpect(jsonPath("$[*].departmentId", hasItem((int) team)));
    }

    @Test
    void onlyTheChiefOfficerAndTheCommitteeDecideAndNeverOnTheirOwnRequest() throws Exception {
        long id = request(managerToken, sales, null);
        mvc.perform(post("/api/v1/policy/exceptions/" + id + "/approve")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/policy/exceptions")).andExpect(status().isUnauthorized());
        for (MamoriUserDetails user : new MamoriUserDetails[] {salesManager, users.create(Role.EMPLOYEE),
                users.create(Role.SYSTEM_ADMIN), users.create(Role.AUDITOR)}) {
            String token = users.token(user);
            mvc.perform(post("/api/v1/policy/exceptions/" + id + "/approve").header("Authorization", bearer(token)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/policy/exceptions/" + id + "/reject").header("Authorization", bearer(token))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}")).andExpect(status().isForbidden());
        }
        String employee = users.token(users.create(Role.EMPLOYEE));
        mvc.perform(get("/api/v1/policy/exceptions").header("Authorization", bearer(employee))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/policy/exceptions").header("Authorization", bearer(employee))
                .contentType(MediaType.APPLICATION_JSON).content(body(sales, null))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/policy/exceptions/" + id + "/revoke").header("Authorization", bearer(employee)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/policy/exceptions").header("Authorization", bearer(users.token(users.create(Role.AUDITOR)))))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItem((int) id)));

        // a 統括責任者 who is also a department's 管理責任者 cannot approve their own request
        long lab = organisation.department(null);
        MamoriUserDetails chiefAndManager = users.create(null, List.of(new RoleGrant(Role.CHIEF_OFFICER, null),
                new RoleGrant(Role.MANAGER, lab)));
        String both = users.token(chiefAndManager);
        long own = request(both, lab, null);
        mvc.perform(post("/api/v1/policy/exceptions/" + own + "/approve").header("Authorization", bearer(both)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("policy.exception.ownRequest"));
        act(chiefToken, own, "approve", "{}");
    }

    @Test
    void pendingExceptionsAreTasksForTheApproversOnly() throws Exception {
        long id = request(managerToken, sales, null);
        String title = "$[?(@.kind == 'exception-approval' && @.title =~ /.*No\\. " + id + " .*/)]";
        mvc.perform(get("/api/v1/tasks").header("Authorization", bearer(chiefToken)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath(title + ".module", hasItem("policy")))
                .andExpect(jsonPath(title + ".title", hasItem(containsString("Copying (Electronic information)"))))
                .andExpect(jsonPath(title + ".href", hasItem("/policy/exceptions?status=PENDING")));
        mvc.perform(get("/api/v1/tasks").header("Authorization", bearer(committeeToken)))
                .andExpect(jsonPath("$[*].title", hasItem(containsString("部署の例外（番号 " + id + "）"))));
        mvc.perform(get("/api/v1/tasks").header("Authorization", bearer(managerToken)))
                .andExpect(jsonPath("$[*].kind", not(hasItem("exception-approval"))));
        act(chiefToken, id, "approve", "{}");
        mvc.perform(get("/api/v1/tasks").header("Authorization", bearer(committeeToken)))
                .andExpect(jsonPath("$[*].title", not(hasItem(containsString("部署の例外（番号 " + id + "）")))));
    }

    @Test
    void thePagesListRequestAndDecide() throws Exception {
        mvc.perform(get("/policy/exceptions/new").with(as(salesManager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(not(containsString("name=\"waivedObligations\""))));
        mvc.perform(get("/policy/exceptions/new").param("levelCode", "TOP_SECRET").param("aspect", "TAKE_OUT")
                        .param("medium", "DOCUMENT").with(as(salesManager)))
                .andExpect(content().string(containsString("value=\"CARRY_PERSONALLY\"")))
                .andExpect(content().string(not(containsString("value=\"ENCRYPT\""))));
        mvc.perform(get("/policy/exceptions/new").param("levelCode", "TOP_SECRET").param("aspect", "COPYING")
                        .param("medium", "ELECTRONIC").with(as(salesManager)).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("管理責任者のみ")));
        mvc.perform(post("/policy/exceptions").with(as(salesManager)).with(csrf())
                        .param("levelCode", "TOP_SECRET").param("aspect", "COPYING").param("medium", "ELECTRONIC")
                        .param("departmentId", String.valueOf(sales)).param("reason", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("理由を入力してください")));
        mvc.perform(post("/policy/exceptions").with(as(salesManager)).with(csrf())
                        .param("levelCode", "TOP_SECRET").param("aspect", "TAKE_OUT").param("medium", "DOCUMENT")
                        .param("departmentId", String.valueOf(sales)).param("approval", "NONE")
                        .param("reason", "展示会での説明に持ち出す"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/policy/exceptions?status=PENDING"));
        var pending = policy.standard(); // unchanged until approved
        assertThat(pending.decide(new DecisionRequest(1L, true, false, "TOP_SECRET", Action.TAKE_OUT, Medium.DOCUMENT,
                null, null, sales)).approvalBy().name()).isEqualTo("MANAGER");

        MamoriUserDetails chief = users.create(Role.CHIEF_OFFICER);
        String list = mvc.perform(get("/policy/exceptions").param("status", "PENDING").with(as(chief)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("展示会での説明に持ち出す")))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("/approve");
        mvc.perform(get("/policy/exceptions").param("status", "PENDING").with(as(chief)).header("HX-Request", "true"))
                .andExpect(content().string(containsString("id=\"policy-exceptions\"")))
                .andExpect(content().string(not(containsString("<html"))));
        String json = mvc.perform(get("/api/v1/policy/exceptions?status=PENDING").header("Authorization", bearer(managerToken)))
                .andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(json, "$[?(@.reason == '展示会での説明に持ち出す')].id");
        Number id = ids.get(0);
        mvc.perform(post("/policy/exceptions/" + id + "/approve").with(as(chief)).with(csrf()).param("text", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/policy/exceptions?status=APPROVED"));
        assertThat(policy.decide(new DecisionRequest(1L, true, false, "TOP_SECRET", Action.TAKE_OUT, Medium.DOCUMENT,
                null, null, sales)).approvalBy().name()).isEqualTo("NONE");
        mvc.perform(get("/policy/standard").with(as(users.create(Role.EMPLOYEE))))
                .andExpect(content().string(containsString(directory.department(sales).nameJa())));
        mvc.perform(get("/policy/exceptions").with(as(users.create(Role.EMPLOYEE)))).andExpect(status().isForbidden());
        mvc.perform(get("/policy/exceptions/new").with(as(chief))).andExpect(status().isForbidden());
        mvc.perform(post("/policy/exceptions/" + id + "/approve").with(as(salesManager)).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
