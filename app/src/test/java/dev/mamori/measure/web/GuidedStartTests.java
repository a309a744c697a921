package dev.mamori.measure.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.inventory.Register;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerQuery;
import dev.mamori.measure.GuidedStart;
import dev.mamori.measure.Measures;
import dev.mamori.measure.SelectionStatus;
import dev.mamori.measure.StartAnswers;
import dev.mamori.measure.StartProposal;
import dev.mamori.platform.Role;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The guided start proposes measures with reasons, selects only what is accepted (recorded in the ledger), leaves
 * out what is already selected, and is open to CHIEF_OFFICER and COMMITTEE only.
 */
@MamoriTest
class GuidedStartTests {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired GuidedStart start;
    @Autowired Measures measures;
    @Autowired Ledger ledger;

    final StartAnswers factory = new StartAnswers(StartAnswers.Size.MEDIUM, false, false, false, false, false, true);

    @Test
    void acceptingSomeOfTheProposalSelectsExactlyThoseAndRecordsIt() throws Exception {
        var chief = users.create(Role.CHIEF_OFFICER);
        StartProposal proposal = Register.as(chief, () -> start.propose(factory));
        List<String> visits = proposal.measures().stream()
                .filter(p -> p.reasonKeys().contains("measure.start.reason.visits")).map(p -> p.measure().code()).toList();
        assertThat(visits).contains("OUTSIDER-1-b", "OUTSIDER-3-c");
        mvc.perform(post("/measures/start").with(as(chief)).with(csrf()).param("size", "MEDIUM")
                        .param("factoryVisits", "true").param("codes", "OUTSIDER-1-b", "OUTSIDER-3-c"))
                .andExpect(status().is3xxRedirection());
        var selected = Register.as(chief, () -> measures.selections(null)).stream()
                .filter(s -> List.of("OUTSIDER-1-b", "OUTSIDER-3-c").contains(s.measure().code())).toList();
        assertThat(selected).hasSize(2).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(SelectionStatus.NOT_STARTED);
            assertThat(s.note()).contains("visits");
        });
        assertThat(Register.as(chief, () -> start.propose(factory)).measures())
                .extracting(p -> p.measure().code()).doesNotContain("OUTSIDER-1-b", "OUTSIDER-3-c").contains("OUTSIDER-1-a");
        assertThat(ledger.search(new LedgerQuery(null, null, null, "measure.start.accepted", null, null), 0, 5)
                .entries()).isNotEmpty();
    }

    @Test
    void theProposalPageShowsReasonsAndTheApiRefusesUnproposedCodes() throws Exception {
        var committee = users.create(Role.COMMITTEE);
        mvc.perform(get("/measures/start").param("answered", "true").param("size", "SMALL").param("telework", "true")
                        .with(as(committee))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("テレワークでは社外で秘密情報を扱うため")));
        mvc.perform(post("/api/v1/measures/start/proposal").with(as(committee)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"size\":\"SMALL\",\"telework\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.measures").isArray());
        mvc.perform(post("/api/v1/measures/start").with(as(committee)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"size\":\"SMALL\",\"codes\":[\"PARTNER-5-c\"]}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlyChiefOfficerAndCommitteeUseTheGuidedStart() throws Exception {
        mvc.perform(get("/measures/start")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/measures/start").with(as(users.create(Role.AUDITOR)))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/measures/start/proposal").with(as(users.create(Role.IT_SECURITY))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/measures/start/proposal").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }
}
