package dev.mamori.policy.web;

import static dev.mamori.support.TestUsers.as;
import static dev.mamori.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.policy.Action;
import dev.mamori.policy.Approver;
import dev.mamori.policy.Aspect;
import dev.mamori.policy.DecisionRequest;
import dev.mamori.policy.HandlingRule;
import dev.mamori.policy.LevelDraft;
import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Outcome;
import dev.mamori.policy.Policy;
import dev.mamori.policy.PolicyDecision;
import dev.mamori.policy.Recipient;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The standard editor end to end: only the 統括責任者 and the committee edit, a saved rule changes decisions at
 * once (through the API and through decide()), refusals come in Japanese and English, a rule goes back to the
 * handbook's, the cell works as an htmx fragment and as a page, and every change is in the ledger. Rules are
 * edited on a level made for the test, or on a storage cell no decision reads, so other tests are unaffected.
 */
@MamoriTest
class StandardEditorTests {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Policy policy;
    @Autowired Ledger ledger;
    @Autowired dev.mamori.directory.Directory directory;

    static final String VIEW_RULE = """
            {"permitted":"ACCESS_HOLDERS","approval":"NONE","prohibited":false,"obligations":["LOG_VIEWER"],
             "outsideOfficeObligations":["MIND_SURROUNDINGS"]}""";

    /** A new level, laxest of all, with no rules yet. */
    String newLevel() {
        String code = "ED" + Long.toString(System.nanoTime(), 36).toUpperCase() + ThreadLocalRandom.current().nextInt(1000);
        policy.addLevel(new LevelDraft(code, "編集用", "For editing", 10_000 + ThreadLocalRandom.current().nextInt(1_000_000),
                null, "編集用", null));
        return code;
    }

    static DecisionRequest view(String level) {
        return new DecisionRequest(1L, true, false, level, Action.VIEW, Medium.ELECTRONIC, Location.OUTSIDE_OFFICE,
                Recipient.NONE);
    }

    static String url(String level, String aspect, String medium) {
        return "/api/v1/policy/standard/rules/" + level + "/" + aspect + "/" + medium;
    }

    @Test
    void onlyTheChiefOfficerAndTheCommitteeEdit() throws Exception {
        String level = newLevel();
        mvc.perform(put(url(level, "VIEWING", "ELECTRONIC")).contentType(MediaType.APPLICATION_JSON).content(VIEW_RULE))
                .andExpect(status().isUnauthorized());
        PolicyOrganisation organisation = new PolicyOrganisation(directory, users);
        for (MamoriUserDetails user : new MamoriUserDetails[] {users.create(Role.EMPLOYEE),
                organisation.manager(organisation.department(null)), users.create(Role.SYSTEM_ADMIN),
                users.create(Role.AUDITOR), users.create(Role.HR, Role.LEGAL, Role.IT_SECURITY)}) {
            mvc.perform(put(url(level, "VIEWING", "ELECTRONIC")).header("Authorization", bearer(users.token(user)))
                            .contentType(MediaType.APPLICATION_JSON).content(VIEW_RULE))
                    .andExpect(status().isForbidden());
            mvc.perform(post(url(level, "VIEWING", "ELECTRONIC") + "/reset").header("Authorization", bearer(users.token(user))))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/policy/standard/rules/" + level + "/VIEWING/ELECTRONIC/edit").with(as(user)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/policy/standard/rules/" + level + "/VIEWING/ELECTRONIC").with(as(user)).with(csrf())
                    .param("permitted", "ANYONE_IN_SCOPE").param("approval", "NONE")).andExpect(status().isForbidden());
            mvc.perform(get("/policy/standard/rules/" + level + "/VIEWING/ELECTRONIC").with(as(user)))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/policy/standard/rules/" + level + "/VIEWING/ELECTRONIC/edit"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        assertThat(policy.decide(view(level)).reasonKey()).isEqualTo("policy.decision.noRule");
        for (Role role : new Role[] {Role.CHIEF_OFFICER, Role.COMMITTEE}) {
            mvc.perform(put(url(level, "VIEWING", "ELECTRONIC"))
                            .header("Authorization", bearer(users.token(users.create(role))))
                            .contentType(MediaType.APPLICATION_JSON).content(VIEW_RULE))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void aSavedRuleChangesDecisionsAtOnceAndIsRecordedWithBeforeAndAfter() throws Exception {
        String level = newLevel();
        MamoriUserDetails chief = users.create(Role.CHIEF_OFFICER);
        String token = users.token(chief);
        assertThat(policy.decide(view(level)).outcome()).isEqualTo(Outcome.DENY);

        mvc.perform(put(url(level, "VIEWING", "ELECTRONIC")).header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(VIEW_RULE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed").value(true))
                .andExpect(jsonPath("$.rule.permitted").value("ACCESS_HOLDERS"))
                .andExpect(jsonPath("$.rule.source").value(""))
                .andExpect(jsonPath("$.rule.editedBy").value(chief.displayName()))
                .andExpect(jsonPath("$.citation").value(containsString("会社が変更")));

        PolicyDecision d = policy.decide(view(level));
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW_WITH_CONDITIONS);
        assertThat(d.ruleIds()).containsExactly(level + "/VIEWING/ELECTRONIC");
        assertThat(d.obligations()).extracting(Enum::name).containsExactlyInAnyOrder("LOG_VIEWER", "MIND_SURROUNDINGS");
        assertThat(d.sources().get(0)).contains("会社が定めた基準").contains(LocalDate.now(HandlingRule.JAPAN).toString());

        String ask = "{\"accessHolder\":true,\"manager\":false,\"levelCode\":\"" + level
                + "\",\"action\":\"VIEW\",\"medium\":\"ELECTRONIC\"}";
        mvc.perform(post("/api/v1/policy/decisions").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(ask))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision.outcome").value("ALLOW_WITH_CONDITIONS"))
                .andExpect(jsonPath("$.decision.ruleIds[0]").value(level + "/VIEWING/ELECTRONIC"));

        // a second edit, then the same rule again: the latter is no change
        String manager = """
                {"permitted":"MANAGER_ONLY","approval":"NONE","prohibited":false,"obligations":["LOG_VIEWER"]}""";
        mvc.perform(put(url(level, "VIEWING", "ELECTRONIC")).header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(manager)).andExpect(jsonPath("$.changed").value(true));
        mvc.perform(put(url(level, "VIEWING", "ELECTRONIC")).header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(manager)).andExpect(jsonPath("$.changed").value(false));
        assertThat(policy.decide(view(level)).reasonKey()).isEqualTo("policy.decision.managerOnly");

        var history = ledger.historyOf(Subject.of("rule", level + "/VIEWING/ELECTRONIC"));
        assertThat(history).extracting(LedgerEntry::action).containsExactly("policy.rule.changed", "policy.rule.changed");
        assertThat(history.get(0).canonical()).contains("\"change\":\"added\"").contains("\"before\":null")
                .contains("LOG_VIEWER");
        assertThat(history.get(1).canonical()).contains("\"change\":\"edited\"").contains("ACCESS_HOLDERS")
                .contains("MANAGER_ONLY");
    }

    @Test
    void refusalsComeInJapaneseAndEnglish() throws Exception {
        String level = newLevel();
        String token = users.token(users.create(Role.COMMITTEE));
        String noMethod = """
                {"permitted":"ANYONE_IN_SCOPE","approval":"NONE","obligations":["BRING_TO_DESIGNATED_PLACE"]}""";
        mvc.perform(put(url(level, "DISPOSAL", "DOCUMENT")).header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(noMethod))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("obligations"))
                .andExpect(jsonPath("$.code").value("policy.rule.disposalMethodRequired"))
                .andExpect(jsonPath("$.detail").value(containsString("廃棄の方法")))
                .andExpect(jsonPath("$.detail_ja").value(containsString("廃棄の方法")))
                .andExpect(jsonPath("$.detail_en").value(containsString("disposal rule must name")));
        mvc.perform(put(url(level, "COPYING", "DOCUMENT")).header("Authorization", bearer(token))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"permitted\":\"MANAGER_ONLY\",\"approval\":\"MANAGER\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("only the manager may act under")))
                .andExpect(jsonPath("$.detail_ja").value(containsString("管理責任者のみ")));
        mvc.perform(put(url(level, "THIRD_PARTY", "DOCUMENT")).header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"permitted\":\"ACCESS_HOLDERS\",\"approval\":\"NONE\",\"prohibited\":true,\"obligations\":[\"ENCRYPT\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("policy.rule.prohibitedWithObligations"));
        mvc.perform(put(url("NO_SUCH_LEVEL", "COPYING", "DOCUMENT")).header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(VIEW_RULE))
                .andExpect(status().isNotFound());
        mvc.perform(put(url(level, "SHOUTING", "DOCUMENT")).header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(VIEW_RULE))
                .andExpect(status().isBadRequest());
        assertThat(policy.standard().rule(level, Aspect.DISPOSAL, Medium.DOCUMENT)).isEmpty();
    }

    @Test
    void makingALaxerLevelStricterIsSavedWithAWarning() throws Exception {
        String level = newLevel();
        String token = users.token(users.create(Role.CHIEF_OFFICER));
        String mine = "$.warnings[?(@.warning.laxerLevel == '" + level + "' && @.warning.aspect == 'VIEWING')]";
        mvc.perform(put(url(level, "VIEWING", "DOCUMENT")).header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"permitted\":\"ANYONE_IN_SCOPE\",\"approval\":\"NONE\"}"))
                .andExpect(jsonPath(mine).isEmpty());
        mvc.perform(put(url(level, "VIEWING", "DOCUMENT")).header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"permitted\":\"ANYONE_IN_SCOPE\",\"approval\":\"NONE\",\"prohibited\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed").value(true))
                .andExpect(jsonPath(mine + ".warning.stricterLevel", org.hamcrest.Matchers.hasItems("TOP_SECRET", "CONFIDENTIAL")))
                .andExpect(jsonPath(mine + ".message_ja", org.hamcrest.Matchers.hasItem(containsString("「編集用」の閲覧（文書等）"))))
                .andExpect(jsonPath(mine + ".message_en", org.hamcrest.Matchers.hasItem(containsString("more strictly than the stricter level"))));
        assertThat(policy.standard().orderingWarnings()).anyMatch(w -> w.laxerLevel().equals(level)
                && w.stricterLevel().equals("CONFIDENTIAL") && w.aspect() == Aspect.VIEWING && w.medium() == Medium.DOCUMENT);
    }

    @Test
    void aRuleGoesBackToTheHandbooksAndAnAddedRuleIsRemoved() throws Exception {
        MamoriUserDetails committee = users.create(Role.COMMITTEE);
        String token = users.token(committee);
        mvc.perform(put(url("TOP_SECRET", "STORAGE", "OBJECT")).header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"permitted\":\"ACCESS_HOLDERS\",\"approval\":\"NONE\",\"obligations\":[\"LOCK_AWAY\"]}"))
                .andExpect(jsonPath("$.rule.source").value(containsString("秘密情報の保護ハンドブック")))
                .andExpect(jsonPath("$.rule.editedAt").isNotEmpty())
                .andExpect(jsonPath("$.citation").value(containsString("会社が変更")));
        HandlingRule edited = policy.standard().rule("TOP_SECRET", Aspect.STORAGE, Medium.OBJECT).orElseThrow();
        assertThat(edited.edited()).isTrue();
        assertThat(edited.source()).contains("(2) 保管");

        mvc.perform(post(url("TOP_SECRET", "STORAGE", "OBJECT") + "/reset").header("Authorization", bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed").value(true))
                .andExpect(jsonPath("$.rule.editedAt").doesNotExist());
        HandlingRule back = policy.standard().rule("TOP_SECRET", Aspect.STORAGE, Medium.OBJECT).orElseThrow();
        assertThat(back).isEqualTo(policy.handbookRule("TOP_SECRET", Aspect.STORAGE, Medium.OBJECT).orElseThrow());
        assertThat(ledger.historyOf(Subject.of("rule", "TOP_SECRET/STORAGE/OBJECT")))
                .extracting(e -> e.canonical().contains("\"change\":\"reset\"")).contains(true);

        String level = newLevel();
        mvc.perform(put(url(level, "VIEWING", "OBJECT")).header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(VIEW_RULE)).andExpect(status().isOk());
        mvc.perform(post(url(level, "VIEWING", "OBJECT") + "/reset").header("Authorization", bearer(token)))
                .andExpect(jsonPath("$.changed").value(true))
                .andExpect(jsonPath("$.rule").doesNotExist());
        assertThat(policy.standard().rule(level, Aspect.VIEWING, Medium.OBJECT)).isEmpty();
    }

    @Test
    void theCellTurnsIntoItsFormAndBackWithHtmxAndEveryUrlIsAPage() throws Exception {
        String level = newLevel();
        MamoriUserDetails chief = users.create(Role.CHIEF_OFFICER);
        String cell = "/policy/standard/rules/" + level + "/COPYING/DOCUMENT";

        mvc.perform(get(cell + "/edit").with(as(chief)).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"policy-rule-" + level + "-COPYING-DOCUMENT\"")))
                .andExpect(content().string(containsString("<form")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get(cell + "/edit").with(as(chief)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("name=\"obligations\"")));

        mvc.perform(post(cell).with(as(chief)).with(csrf()).header("HX-Request", "true")
                        .param("permitted", "MANAGER_ONLY").param("approval", "MANAGER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<form")))
                .andExpect(content().string(containsString("管理責任者のみが行える規則に")));
        assertThat(policy.standard().rule(level, Aspect.COPYING, Medium.DOCUMENT)).isEmpty();

        mvc.perform(post(cell).with(as(chief)).with(csrf()).header("HX-Request", "true")
                        .param("permitted", "ACCESS_HOLDERS").param("approval", "MANAGER")
                        .param("obligations", "MARK_LEVEL", "NUMBER_AND_COLLECT_COPIES"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("policy-standard-changed")))
                .andExpect(content().string(not(containsString("<form"))))
                .andExpect(content().string(containsString("通し番号を付け")))
                .andExpect(content().string(containsString("会社が変更")));
        HandlingRule saved = policy.standard().rule(level, Aspect.COPYING, Medium.DOCUMENT).orElseThrow();
        assertThat(saved.approval()).isEqualTo(Approver.MANAGER);
        assertThat(policy.decide(new DecisionRequest(1L, true, false, level, Action.COPY, Medium.DOCUMENT, null, null))
                .approvalBy()).isEqualTo(Approver.MANAGER);

        mvc.perform(post(cell).with(as(chief)).with(csrf())
                        .param("permitted", "ANYONE_IN_SCOPE").param("approval", "NONE"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(cell));
        mvc.perform(get(cell).with(as(chief)).header("HX-Request", "true"))
                .andExpect(content().string(containsString("アクセス範囲内の者")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get(cell).with(as(chief))).andExpect(content().string(containsString("<html")));

        mvc.perform(post(cell + "/reset").with(as(chief)).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("定めなし")));
        mvc.perform(get("/policy/standard/warnings").with(as(chief)).header("HX-Request", "true"))
                .andExpect(content().string(containsString("id=\"policy-warnings\"")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/policy/standard/warnings").with(as(chief)))
                .andExpect(content().string(containsString("<html")));
    }

    @Test
    void everyoneReadsTheStandardButOnlyEditorsSeeTheEditLinks() throws Exception {
        mvc.perform(get("/policy/standard").with(as(users.create(Role.EMPLOYEE))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("policy-rule-TOP_SECRET-COPYING-ELECTRONIC")))
                .andExpect(content().string(not(containsString("/policy/standard/rules/TOP_SECRET/COPYING/ELECTRONIC/edit"))));
        mvc.perform(get("/policy/standard").with(as(users.create(Role.COMMITTEE))))
                .andExpect(content().string(containsString("/policy/standard/rules/TOP_SECRET/COPYING/ELECTRONIC/edit")));
    }
}
