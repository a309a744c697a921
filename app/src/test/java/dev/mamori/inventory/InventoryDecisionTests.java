package dev.mamori.inventory;

import static dev.mamori.inventory.Register.as;
import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The decision wizard: the recommendation with its reasons on the page and over the API, and the
 * decision recorded by the responsible manager only.
 */
@MamoriTest
class InventoryDecisionTests {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired Ledger ledger;
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
        asset = reg.asset(manager, dept, Register.unique("DC") + " 焼結炉の昇温プロファイル");
    }

    @Test
    void recommendsOnThePageAndRecordsTheDecision() throws Exception {
        String page = mvc.perform(post("/inventory/assets/" + asset + "/decision/recommendation").with(csrf()).with(as(manager))
                        .param("infringementHardToDetect", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("#inventory-recommendation h2").text()).contains("秘密として保持する");
        assertThat(Jsoup.parse(page).select("#inventory-recommendation li").text()).contains("探知や立証が難しく");
        mvc.perform(post("/inventory/assets/" + asset + "/decision").with(csrf()).with(as(manager))
                        .param("infringementHardToDetect", "true").param("chosen", "KEEP_SECRET").param("reason", "製法の中核"))
                .andExpect(status().is3xxRedirection());
        var decisions = as(manager, () -> inventory.decisions(asset));
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).recommended()).isEqualTo(SecrecyOutcome.KEEP_SECRET);
        assertThat(decisions.get(0).answers().infringementHardToDetect()).isTrue();
        assertThat(ledger.historyOf(Subject.of("asset", asset))).extracting(LedgerEntry::action)
                .contains("inventory.asset.secrecyDecided");
        mvc.perform(get("/inventory/assets/" + asset + "/decision").with(as(manager))).andExpect(status().isOk());
    }

    @Test
    void refusesADecisionWithoutAReasonOnThePage() throws Exception {
        mvc.perform(post("/inventory/assets/" + asset + "/decision").with(csrf()).with(as(manager)).param("chosen", "PATENT"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void recommendsOverTheApi() throws Exception {
        String body = mvc.perform(post("/api/v1/assets/" + asset + "/decision/recommendation").with(as(manager))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"revealedByProductAnalysis\":true}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("PATENT_SECRET_UNTIL_PUBLICATION").contains("inventory.reason.revealedByProducts");
    }

    @Test
    void onlyTheResponsibleManagerRecordsTheDecision() {
        MamoriUserDetails colleague = reg.manager(dept);
        assertThatThrownBy(() -> as(colleague, () -> inventory.decide(asset,
                new SecrecyAnswers(null, null, null, null, null, null, null, null, null, null),
                SecrecyOutcome.KEEP_SECRET, "x"))).isInstanceOf(AccessRefusedException.class);
    }
}
