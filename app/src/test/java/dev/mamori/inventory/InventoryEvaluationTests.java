package dev.mamori.inventory;

import static dev.mamori.inventory.Register.as;
import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.mamori.directory.Directory;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Evaluations: every criterion from data, history kept, next review moved, tier and loss band shown,
 * the form on the page, and only managers of the entry's department evaluate.
 */
@MamoriTest
class InventoryEvaluationTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;

    Register reg;
    long dept;
    MamoriUserDetails manager;
    long asset;

    @BeforeEach
    void setUp() {
        reg = new Register(directory, inventory, users);
        dept = reg.department(null);
        manager = reg.manager(dept);
        asset = reg.asset(manager, dept, Register.unique("EV") + " E500型モーターの巻線仕様");
    }

    EvaluationDraft draft(int score, long max) {
        Map<String, EvaluationDraft.Score> scores = new HashMap<>();
        for (Criterion c : as(manager, () -> inventory.criteria())) {
            scores.put(c.code(), new EvaluationDraft.Score(score, "理由 " + c.code()));
        }
        return new EvaluationDraft(scores, max / 2, max, "初回評価");
    }

    @Test
    void hasEveryCriterionOfTheHandbookAndADefaultFiveStepScale() {
        assertThat(as(manager, () -> inventory.criteria())).extracting(Criterion::code).containsExactly("VALUE_NOW",
                "VALUE_FUTURE", "REQUIRED_BY_LAW_OR_CONTRACT", "OWN_LOSS", "PARTNER_LOSS", "COMPETITOR_USEFULNESS",
                "TRUST_LOSS", "SANCTIONS", "MISUSE", "ENTRUSTED");
        assertThat(as(manager, () -> inventory.scale())).extracting(ScaleStep::value).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void keepsTheHistoryAndGivesTierAndLossBand() {
        as(manager, () -> inventory.evaluate(asset, draft(2, 5_000_000)));
        as(manager, () -> inventory.evaluate(asset, draft(5, 2_000_000_000L)));
        var history = as(manager, () -> inventory.evaluations(asset));
        assertThat(history).hasSize(2);
        assertThat(history.get(0).total()).isEqualTo(50);
        assertThat(history.get(0).scores()).hasSize(10).allMatch(s -> s.rationale().startsWith("理由"));
        Standing standing = as(manager, () -> inventory.standing(asset)).orElseThrow();
        assertThat(standing.tier()).isEqualTo("I");
        assertThat(standing.lossBand()).isEqualTo("SEVERE");
        assertThat(as(manager, () -> inventory.asset(asset)).nextReviewOn()).isEqualTo(inventory.today().plusMonths(12));
    }

    @Test
    void theOverviewListsEvaluatedEntriesOnlyToThoseWhoSeeThem() throws Exception {
        as(manager, () -> inventory.evaluate(asset, draft(4, 80_000_000)));
        String name = as(manager, () -> inventory.asset(asset)).name();
        reg.designate(manager, asset, "TOP_SECRET", AccessHolder.person(manager.personId()));
        String mine = mvc.perform(get("/inventory/evaluations").with(as(manager))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(mine).select("#inventory-standings").text()).contains(name).contains("中（1億円未満）");
        MamoriUserDetails colleague = reg.manager(dept);
        String theirs = mvc.perform(get("/api/v1/assets/standings").with(as(colleague))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(theirs).doesNotContain(name);
    }

    @Test
    void onlyAManagerOfTheDepartmentEvaluates() {
        MamoriUserDetails other = reg.manager(reg.department(null));
        assertThatThrownBy(() -> as(other, () -> inventory.evaluate(asset, draft(3, 100))))
                .isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void evaluatesThroughTheFormAndShowsTheResultOnTheEntry() throws Exception {
        String form = mvc.perform(get("/inventory/assets/" + asset + "/evaluation").with(as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(form).select("select[name^=score]")).hasSize(10);
        MockHttpServletRequestBuilder post = post("/inventory/assets/" + asset + "/evaluation").with(csrf()).with(as(manager))
                .param("lossMinYen", "1000000").param("lossMaxYen", "30000000");
        for (Criterion c : as(manager, () -> inventory.criteria())) {
            post.param("score[" + c.code() + "]", "3").param("rationale[" + c.code() + "]", "中程度と判断");
        }
        mvc.perform(post).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/inventory/assets/" + asset).with(as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("#inventory-evaluation").text()).contains("中（1億円未満）").contains("30,000,000");
        mvc.perform(post("/inventory/assets/" + asset + "/evaluation").with(csrf()).with(as(manager))
                .param("lossMinYen", "1").param("lossMaxYen", "2")).andExpect(status().isUnprocessableContent());
    }
}
