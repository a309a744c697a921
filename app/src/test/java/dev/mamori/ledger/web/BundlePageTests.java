package dev.mamori.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.Role;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The audit trail page exports the evidence bundle of the filter it shows, for the roles that may export.
 */
@MamoriTest
class BundlePageTests {

    @Autowired Ledger ledger;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    @Test
    void anAuditorDownloadsTheBundleOfTheShownFilterFromTheTrailPage() throws Exception {
        String subject = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            ledger.record("test.page.bundled", Subject.of("page-bundle", subject), Map.of("i", i));
        }
        var auditor = users.create(Role.AUDITOR);
        mvc.perform(get("/ledger").param("subjectType", "page-bundle").param("subjectId", subject).with(TestUsers.as(auditor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("action=\"/ledger/bundle\"")))
                .andExpect(content().string(containsString("value=\"" + subject + "\"")));

        byte[] zip = mvc.perform(post("/ledger/bundle").param("subjectType", "page-bundle").param("subjectId", subject)
                        .with(TestUsers.as(auditor)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", containsString("mamori-evidence-")))
                .andReturn().getResponse().getContentAsByteArray();

        List<String> names = new ArrayList<>();
        String entries = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                if (e.getName().equals("entries.jsonl")) {
                    entries = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(names).contains("verifier-key.txt", "proofs/inclusion.jsonl");
        assertThat(entries).isNotNull();
        assertThat(entries.lines().filter(l -> l.contains(subject))).hasSize(2);
    }

    @Test
    void aFilterThatSelectsNothingSendsThePersonBackWithTheReason() throws Exception {
        var auditor = users.create(Role.AUDITOR);
        String nothing = UUID.randomUUID().toString();
        String location = mvc.perform(post("/ledger/bundle").param("subjectId", nothing).with(TestUsers.as(auditor)).with(csrf()))
                .andExpect(status().isSeeOther())
                .andReturn().getResponse().getHeader("Location");
        assertThat(location).contains("bundleError=ledger.bundle.empty").contains(nothing);

        mvc.perform(get("/ledger").param("subjectId", nothing).param("bundleError", "ledger.bundle.empty")
                        .with(TestUsers.as(auditor)))
                .andExpect(content().string(containsString("条件に合う記録がありません")));
        mvc.perform(get("/ledger").param("bundleError", "platform.app.name").with(TestUsers.as(auditor)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("class=\"error\" role=\"alert\""))));
    }

    @Test
    void rolesThatMayNotExportAreRefusedAndSeeNoButton() throws Exception {
        var committee = users.create(Role.COMMITTEE);
        mvc.perform(get("/ledger").with(TestUsers.as(committee)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("action=\"/ledger/bundle\""))));
        mvc.perform(post("/ledger/bundle").with(TestUsers.as(committee)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/ledger/bundle").with(TestUsers.as(users.create(Role.EMPLOYEE))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/ledger/bundle").with(csrf())).andExpect(status().is3xxRedirection());
    }
}
