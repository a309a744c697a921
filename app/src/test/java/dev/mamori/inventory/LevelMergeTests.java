package dev.mamori.inventory;

import static dev.mamori.inventory.Register.as;
import static dev.mamori.support.TestUsers.as;
import static dev.mamori.support.TestUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.notify.NotificationService;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.policy.Level;
import dev.mamori.policy.LevelChangeProposal;
import dev.mamori.policy.LevelDraft;
import dev.mamori.policy.LevelEdit;
import dev.mamori.policy.Policy;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Merging a level end to end: the proposal lists every affected entry; each entry's 管理責任者 gets a review
 * task and a notice (and the departments' managers a notice); each review reclassifies the entry with a
 * ledger record; the merge completes — retiring the old level — only after the last review; the proposer
 * may cancel instead.
 */
@MamoriTest
@EnableScenarios
class LevelMergeTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired Policy policy;
    @Autowired Ledger ledger;
    @Autowired NotificationService inbox;
    @Autowired TestUsers users;

    Register reg;
    long d1, d2;
    MamoriUserDetails chief, m1, m1b, m2;
    String from, into, tag;
    long e1, e2, e3;

    @BeforeEach
    void setUp() {
        reg = new Register(directory, inventory, users);
        d1 = reg.department(null);
        d2 = reg.department(null);
        m1 = reg.manager(d1);
        m1b = reg.manager(d1);
        m2 = reg.manager(d2);
        chief = users.create(Role.CHIEF_OFFICER);
        from = level("部外秘" , false);
        into = level("関係者外秘", false);
        tag = Register.unique("M");
        e1 = entry(m1, d1, " 金型の補修手順");
        e2 = entry(m1, d1, " 治具の寸法表");
        e3 = entry(m2, d2, " 購買先別の単価表");
    }

    String level(String marking, boolean concealed) {
        String code = "MG" + Long.toString(System.nanoTime(), 36).toUpperCase();
        as(chief, () -> policy.addLevel(new LevelDraft(code, marking, "Merge test", 3_000_000
                + ThreadLocalRandom.current().nextInt(1_000_000), "#445566", marking, "", concealed)));
        return code;
    }

    long entry(MamoriUserDetails manager, long department, String name) {
        long id = reg.asset(manager, department, tag + name);
        reg.designate(manager, id, from, AccessHolder.department(department));
        return id;
    }

    List<String> notices(MamoriUserDetails user) {
        return inbox.inbox(user.accountId()).stream().map(n -> n.messageKey() + n.args()).toList();
    }

    String tasks(MamoriUserDetails user) throws Exception {
        return mvc.perform(get("/api/v1/tasks").with(as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    LevelChangeProposal change(long id) {
        return policy.levelChange(id).orElseThrow();
    }

    @Test
    void aMergeMovesEveryEntryAfterItsManagersReviewAndThenRetiresTheOldLevel(Scenario scenario) throws Exception {
        mvc.perform(get("/policy/levels/" + from + "/merge").with(as(chief)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tag + " 金型の補修手順")))
                .andExpect(content().string(containsString(tag + " 治具の寸法表")))
                .andExpect(content().string(containsString(tag + " 購買先別の単価表")));
        assertThat(as(chief, () -> policy.entriesAt(from))).extracting(e -> e.assetId()).containsExactlyInAnyOrder(e1, e2, e3);

        long[] id = new long[1];
        scenario.stimulate(() -> id[0] = as(chief, () -> policy.proposeMerge(from, into, "分類を簡素にするため", null)).id())
                .andWaitForStateChange(() -> notices(m2).size() > 0 && notices(m1b).size() > 0)
                .andVerify(done -> assertThat(done).isTrue());
        assertThat(change(id[0]).affectedCount()).isEqualTo(3);
        assertThat(notices(m1)).anyMatch(n -> n.startsWith("inventory.notice.levelReview[2,"));
        assertThat(notices(m1b)).anyMatch(n -> n.startsWith("inventory.notice.levelReviewDepartment[2,"));
        assertThat(notices(m2)).anyMatch(n -> n.startsWith("inventory.notice.levelReview[1,"));
        assertThat(ledger.historyOf(Subject.of("level", from))).extracting(LedgerEntry::action)
                .contains("policy.level.mergeProposed");

        String mine = tasks(m1);
        assertThat(mine).contains("/inventory/assets/" + e1 + "/level-review", "/inventory/assets/" + e2 + "/level-review")
                .doesNotContain("/inventory/assets/" + e3 + "/level-review");
        assertThat(tasks(m2)).contains("/inventory/assets/" + e3 + "/level-review")
                .doesNotContain("/inventory/assets/" + e1 + "/level-review");
        assertThat(tasks(m1b)).doesNotContain("level-review");
        assertThat(tasks(chief)).contains("/policy/level-changes/" + id[0]);

        long late = reg.asset(m1, d1, tag + " 新しい試験成績書");
        assertThatThrownBy(() -> reg.designate(m1, late, from, AccessHolder.department(d1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("levelBeingMerged");

        mvc.perform(get("/inventory/assets/" + e1 + "/level-review").with(as(m1)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("levelId")));
        mvc.perform(post("/inventory/assets/" + e1 + "/level-review").with(as(m1)).with(csrf())
                        .param("levelId", into).param("reason", "提案どおりで問題ない"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/inventory/assets/" + e1));
        AssetView reviewed = as(m1, () -> inventory.asset(e1));
        assertThat(reviewed.levelId()).isEqualTo(into);
        assertThat(reviewed.marking()).isEqualTo("関係者外秘");
        assertThat(reviewed.holders()).containsExactly(AccessHolder.department(d1));
        assertThat(ledger.historyOf(Subject.of("asset", e1))).extracting(LedgerEntry::action)
                .containsSubsequence("inventory.asset.designated", "inventory.asset.reclassified",
                        "inventory.asset.levelReviewed");

        mvc.perform(post("/api/v1/assets/" + e2 + "/level-review").header("Authorization", bearer(users.token(m2)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"levelId\":\"CONFIDENTIAL\",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/assets/" + e2 + "/level-review").header("Authorization", bearer(users.token(m1b)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"levelId\":\"CONFIDENTIAL\",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/assets/" + e2 + "/level-review").header("Authorization", bearer(users.token(m1))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.proposedLevelId").value(into));
        mvc.perform(post("/api/v1/assets/" + e2 + "/level-review").header("Authorization", bearer(users.token(m1)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"levelId\":\"CONFIDENTIAL\",\"reason\":\"社内で広く使うため社外秘が適切\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asset.levelId").value("CONFIDENTIAL"));

        assertThat(change(id[0]).status()).isEqualTo(LevelChangeProposal.Status.PROPOSED);
        assertThat(policy.levels()).extracting(Level::code).contains(from);
        mvc.perform(get("/policy/level-changes/" + id[0]).with(as(chief)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tag + " 購買先別の単価表")))
                .andExpect(content().string(not(containsString(tag + " 金型の補修手順"))));
        assertThat(tasks(m1)).doesNotContain("level-review");

        scenario.stimulate(() -> as(m2, () -> {
                    inventory.reviewLevel(e3, null, "提案どおり");
                    return null;
                }))
                .andWaitForStateChange(() -> change(id[0]).status() == LevelChangeProposal.Status.COMPLETED)
                .andVerify(done -> assertThat(done).isTrue());
        assertThat(as(m2, () -> inventory.asset(e3)).levelId()).isEqualTo(into);
        assertThat(policy.levels()).extracting(Level::code).doesNotContain(from);
        assertThat(ledger.historyOf(Subject.of("level", from))).extracting(LedgerEntry::action)
                .containsSubsequence("policy.level.mergeProposed", "policy.level.merged");
        assertThat(tasks(m2)).doesNotContain("level-review");
        assertThat(tasks(chief)).doesNotContain("/policy/level-changes/" + id[0]);
    }

    @Test
    void theProposerCancelsAndEntriesNotYetReviewedKeepTheirLevel() throws Exception {
        String token = users.token(chief);
        String body = mvc.perform(post("/api/v1/policy/levels/" + from + "/merge").header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"into\":\"" + into + "\",\"reason\":\"統合を試す\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.change.status").value("PROPOSED"))
                .andExpect(jsonPath("$.remaining.length()").value(3))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll("(?s).*\"change\":\\{\"id\":(\\d+).*", "$1"));
        as(m1, () -> {
            inventory.reviewLevel(e1, into, "提案どおり");
            return null;
        });

        String otherChief = users.token(users.create(Role.CHIEF_OFFICER));
        mvc.perform(post("/api/v1/policy/level-changes/" + id + "/cancel").header("Authorization", bearer(otherChief)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/policy/level-changes/" + id + "/cancel").header("Authorization", bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.change.status").value("CANCELLED"));

        assertThat(change(id).status()).isEqualTo(LevelChangeProposal.Status.CANCELLED);
        assertThat(policy.levels()).extracting(Level::code).contains(from);
        assertThat(as(m1, () -> inventory.asset(e1)).levelId()).isEqualTo(into);
        assertThat(as(m1, () -> inventory.asset(e2)).levelId()).isEqualTo(from);
        assertThat(as(m1, () -> inventory.pendingLevelReview(e2))).isEmpty();
        assertThat(tasks(m1)).doesNotContain("level-review");
        mvc.perform(get("/api/v1/assets/" + e2 + "/level-review").header("Authorization", bearer(users.token(m1))))
                .andExpect(status().isNotFound());
        long again = reg.asset(m1, d1, tag + " 取消し後の登録");
        reg.designate(m1, again, from, AccessHolder.department(d1));
        assertThat(ledger.historyOf(Subject.of("level", from))).extracting(LedgerEntry::action)
                .containsSubsequence("policy.level.mergeProposed", "policy.level.mergeCancelled");
    }

    @Test
    void theReviewIsRefusedToAnonymousCallersAndPeopleWhoCannotSeeTheEntry() throws Exception {
        as(chief, () -> policy.proposeMerge(from, into, "統合", null));
        mvc.perform(get("/api/v1/assets/" + e1 + "/level-review")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/assets/" + e1 + "/level-review").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"x\"}")).andExpect(status().isUnauthorized());
        mvc.perform(get("/inventory/assets/" + e1 + "/level-review"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        MamoriUserDetails outsider = reg.employee(d2);
        mvc.perform(get("/api/v1/assets/" + e1 + "/level-review").header("Authorization", bearer(users.token(outsider))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/inventory/assets/" + e1 + "/level-review").with(as(outsider)).with(csrf())
                .param("levelId", into).param("reason", "x")).andExpect(status().isForbidden());
        assertThat(as(m1, () -> inventory.asset(e1)).levelId()).isEqualTo(from);
    }

    @Test
    void aLevelWithEntriesIsNotRetiredOutrightButSentToTheMergeProposal() throws Exception {
        mvc.perform(post("/policy/levels/" + from + "/retirement").with(as(chief)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/policy/levels/" + from + "/merge?retiring=true"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/policy/levels/" + from)
                        .header("Authorization", bearer(users.token(chief))))
                .andExpect(status().isConflict());
        assertThat(policy.levels()).extracting(Level::code).contains(from);
    }

    @Test
    void aConcealedLevelsMergeTellsOnlyTheEntriesManagers(Scenario scenario) {
        String hidden = level("極秘扱い", true);
        MamoriUserDetails holder = reg.employee(d1);
        long secret = reg.asset(m1, d1, tag + " 次期製品の原価構成");
        reg.designate(m1, secret, hidden, AccessHolder.person(holder.personId()));
        scenario.stimulate(() -> as(chief, () -> policy.proposeMerge(hidden, "TOP_SECRET", "極秘に統一する", null)))
                .andWaitForStateChange(() -> notices(m1).stream().anyMatch(n -> n.contains("極秘扱い")))
                .andVerify(done -> assertThat(done).isTrue());
        assertThat(notices(m1b)).noneMatch(n -> n.contains("極秘扱い"));
    }

    @Test
    void changingALevelUnderMergeStillWorksButItCannotBeMergedTwice() {
        as(chief, () -> policy.proposeMerge(from, into, "統合", null));
        Level l = policy.levels().stream().filter(x -> x.code().equals(from)).findFirst().orElseThrow();
        as(chief, () -> policy.updateLevel(from, new LevelEdit("部外秘（統合中）", l.nameEn(), l.colour(), l.marking(),
                l.defaultScope(), false)));
        assertThatThrownBy(() -> as(chief, () -> policy.proposeMerge(from, "CONFIDENTIAL", "二重", null)))
                .hasMessageContaining("policy.level.inOpenChange");
        assertThatThrownBy(() -> as(chief, () -> {
            policy.retireLevel(into);
            return null;
        })).hasMessageContaining("policy.level.inOpenChange");
    }
}
