package dev.mamori.policy.web;

import static dev.mamori.support.TestUsers.as;
import static dev.mamori.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.policy.Level;
import dev.mamori.policy.LevelDraft;
import dev.mamori.policy.Policy;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The scheme editor: the 統括責任者 and the committee add, change, reorder and retire levels (each change
 * in the ledger) and are warned — not stopped — beyond three levels; employees and managers read the scheme
 * but cannot change it; anonymous callers are refused, on the pages and over the API.
 */
@MamoriTest
class SchemeEditorTests {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Policy policy;
    @Autowired Ledger ledger;
    @Autowired Directory directory;
    @Autowired Inventory inventory;

    static String code() {
        return "SE" + Long.toString(System.nanoTime(), 36).toUpperCase() + ThreadLocalRandom.current().nextInt(100);
    }

    static int rank() {
        return 2_000_000 + ThreadLocalRandom.current().nextInt(1_000_000) * 2;
    }

    String add(int rank) {
        String code = code();
        policy.addLevel(new LevelDraft(code, "部外秘", "Department only", rank, "#336699", "部外秘", "部内限り"));
        return code;
    }

    Level level(String code) {
        return policy.levels().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    }

    static String levelJson(String code, int rank) {
        return "{\"code\":\"" + code + "\",\"nameJa\":\"役員限り\",\"nameEn\":\"Board only\",\"rank\":" + rank
                + ",\"colour\":\"#123456\",\"marking\":\"役員限り\",\"defaultScope\":\"役員会\",\"concealed\":false}";
    }

    @Test
    void anEditorAddsALevelOnThePageAndIsWarnedBeyondThreeLevels() throws Exception {
        MamoriUserDetails chief = users.create(Role.CHIEF_OFFICER);
        if (policy.levels().size() <= 3) {
            mvc.perform(get("/policy/levels").with(as(chief)))
                    .andExpect(content().string(not(containsString("policy-levels-warning"))));
        }
        String code = code();
        mvc.perform(post("/policy/levels").with(as(chief)).with(csrf()).param("code", code).param("nameJa", "部外秘")
                        .param("nameEn", "Department only").param("rank", String.valueOf(rank())).param("marking", "部外秘")
                        .param("colour", "#336699").param("defaultScope", "部内限り"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/policy/levels"));
        while (policy.levels().size() <= 3) {
            add(rank());
        }
        assertThat(level(code).concealed()).isFalse();
        mvc.perform(get("/policy/levels").with(as(chief)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("policy-levels-warning")))
                .andExpect(content().string(containsString("3-1")))
                .andExpect(content().string(containsString(code)))
                .andExpect(content().string(containsString("policy-level-new")));
        assertThat(ledger.historyOf(Subject.of("level", code))).extracting(LedgerEntry::action)
                .containsExactly("policy.level.added");
        String token = users.token(users.create(Role.COMMITTEE));
        String other = code();
        mvc.perform(post("/api/v1/policy/levels").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(levelJson(other, rank())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.level.code").value(other))
                .andExpect(jsonPath("$.warning").value("policy.level.tooMany"));
    }

    @Test
    void aBlankNameIsShownBesideTheField() throws Exception {
        mvc.perform(post("/policy/levels").with(as(users.create(Role.CHIEF_OFFICER))).with(csrf()).param("code", code())
                        .param("nameJa", "").param("nameEn", "x").param("rank", String.valueOf(rank())).param("marking", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("名称を入力してください。")));
    }

    @Test
    void anEditorChangesNamesMarkingColourScopeAndConcealmentWithALedgerRecord() throws Exception {
        String code = add(rank());
        String token = users.token(users.create(Role.CHIEF_OFFICER));
        mvc.perform(put("/api/v1/policy/levels/" + code).header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nameJa\":\"部門外秘\",\"marking\":\"部門外秘\",\"concealed\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level.nameJa").value("部門外秘"))
                .andExpect(jsonPath("$.level.nameEn").value("Department only"))
                .andExpect(jsonPath("$.level.concealed").value(true));
        assertThat(level(code).marking()).isEqualTo("部門外秘");
        assertThat(policy.concealedLevelCodes()).contains(code);
        mvc.perform(get("/policy/levels/" + code + "/edit").with(as(users.create(Role.COMMITTEE))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("部門外秘")))
                .andExpect(content().string(containsString("checked")));
        mvc.perform(get("/policy/level-changes").with(as(users.create(Role.COMMITTEE)))).andExpect(status().isOk());
        mvc.perform(post("/policy/levels/" + code).with(as(users.create(Role.COMMITTEE))).with(csrf())
                        .param("code", code).param("rank", String.valueOf(level(code).rank())).param("nameJa", "部門外秘")
                        .param("nameEn", "Outside the department").param("marking", "部門外秘").param("colour", "#aa0000")
                        .param("defaultScope", "部内限り"))
                .andExpect(status().is3xxRedirection());
        Level after = level(code);
        assertThat(after.nameEn()).isEqualTo("Outside the department");
        assertThat(after.colour()).isEqualTo("#aa0000");
        assertThat(after.concealed()).isFalse(); // an unticked box
        assertThat(ledger.historyOf(Subject.of("level", code))).extracting(LedgerEntry::action)
                .containsExactly("policy.level.added", "policy.level.changed", "policy.level.changed");
    }

    @Test
    void reorderingSwapsRanksWithTheNeighbour() throws Exception {
        int r = rank();
        String upper = add(r);
        String lower = add(r + 1);
        mvc.perform(post("/policy/levels/" + lower + "/rank").with(as(users.create(Role.CHIEF_OFFICER))).with(csrf())
                        .param("direction", "up"))
                .andExpect(status().is3xxRedirection());
        assertThat(level(lower).rank()).isEqualTo(r);
        assertThat(level(upper).rank()).isEqualTo(r + 1);
        assertThat(policy.levels().get(0).code()).isEqualTo("TOP_SECRET");
        String token = users.token(users.create(Role.COMMITTEE));
        mvc.perform(put("/api/v1/policy/levels/" + upper).header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rank\":" + r + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level.rank").value(r));
        assertThat(level(lower).rank()).isEqualTo(r + 1);
        assertThat(ledger.historyOf(Subject.of("level", lower))).extracting(LedgerEntry::action)
                .contains("policy.level.reordered");
    }

    @Test
    void anUnusedLevelIsRetiredWithItsRules() throws Exception {
        String code = add(rank());
        mvc.perform(post("/policy/levels/" + code + "/retirement").with(as(users.create(Role.CHIEF_OFFICER))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/policy/levels"));
        assertThat(policy.levels()).extracting(Level::code).doesNotContain(code);
        assertThat(ledger.historyOf(Subject.of("level", code))).extracting(LedgerEntry::action)
                .containsExactly("policy.level.added", "policy.level.retired");
        String again = add(rank());
        mvc.perform(delete("/api/v1/policy/levels/" + again)
                        .header("Authorization", bearer(users.token(users.create(Role.COMMITTEE)))))
                .andExpect(status().isNoContent());
        assertThat(policy.levels()).extracting(Level::code).doesNotContain(again);
    }

    @Test
    void employeesAndManagersReadTheSchemeButCannotChangeIt() throws Exception {
        String code = add(rank());
        MamoriUserDetails employee = users.create(Role.EMPLOYEE);
        Register reg = new Register(directory, inventory, users);
        MamoriUserDetails manager = reg.manager(reg.department(null));
        mvc.perform(get("/policy/levels").with(as(employee)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(code)))
                .andExpect(content().string(not(containsString("policy-level-new"))))
                .andExpect(content().string(not(containsString("/retirement"))));
        for (MamoriUserDetails user : List.of(employee, manager)) {
            for (RequestBuilder page : pageChanges(code, user)) {
                mvc.perform(page).andExpect(status().isForbidden());
            }
        }
        for (MamoriUserDetails user : List.of(employee, manager)) {
            String token = users.token(user);
            mvc.perform(get("/api/v1/policy/levels").header("Authorization", bearer(token))).andExpect(status().isOk());
            for (var call : apiChanges(code)) {
                mvc.perform(call.header("Authorization", bearer(token))).andExpect(status().isForbidden());
            }
        }
        assertThat(level(code).nameJa()).isEqualTo("部外秘");
    }

    @Test
    void anonymousCallersAreRefused() throws Exception {
        String code = add(rank());
        for (var call : apiChanges(code)) {
            mvc.perform(call).andExpect(status().isUnauthorized());
        }
        for (String page : List.of("/policy/levels/" + code + "/edit", "/policy/levels/" + code + "/merge",
                "/policy/level-changes", "/policy/level-changes/1")) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(post("/policy/levels").with(csrf()).param("code", code()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        assertThat(policy.levels()).extracting(Level::code).contains(code);
    }

    /** Every page request that changes the scheme or shows its changes, signed in as the user. */
    private List<RequestBuilder> pageChanges(String code, MamoriUserDetails user) {
        return List.of(
                post("/policy/levels").with(as(user)).with(csrf()).param("code", code()).param("nameJa", "x")
                        .param("nameEn", "x").param("rank", String.valueOf(rank())).param("marking", "x"),
                get("/policy/levels/" + code + "/edit").with(as(user)),
                post("/policy/levels/" + code).with(as(user)).with(csrf()).param("code", code).param("nameJa", "x")
                        .param("nameEn", "x").param("rank", "5").param("marking", "x"),
                post("/policy/levels/" + code + "/rank").with(as(user)).with(csrf()).param("direction", "up"),
                post("/policy/levels/" + code + "/retirement").with(as(user)).with(csrf()),
                get("/policy/levels/" + code + "/merge").with(as(user)),
                post("/policy/levels/" + code + "/merge").with(as(user)).with(csrf()).param("into", "CONFIDENTIAL")
                        .param("reason", "x"),
                get("/policy/level-changes").with(as(user)),
                get("/policy/level-changes/1").with(as(user)),
                post("/policy/level-changes/1/cancel").with(as(user)).with(csrf()));
    }

    private List<org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder> apiChanges(String code) {
        return List.of(
                post("/api/v1/policy/levels").contentType(MediaType.APPLICATION_JSON).content(levelJson(code(), rank())),
                put("/api/v1/policy/levels/" + code).contentType(MediaType.APPLICATION_JSON).content("{\"nameJa\":\"x\"}"),
                delete("/api/v1/policy/levels/" + code),
                get("/api/v1/policy/levels/" + code + "/entries"),
                post("/api/v1/policy/levels/" + code + "/merge").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"into\":\"CONFIDENTIAL\",\"reason\":\"x\"}"),
                get("/api/v1/policy/level-changes"),
                get("/api/v1/policy/level-changes/1"),
                post("/api/v1/policy/level-changes/1/cancel"));
    }
}
