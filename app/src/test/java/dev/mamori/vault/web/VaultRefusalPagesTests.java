package dev.mamori.vault.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import dev.mamori.access.Access;
import dev.mamori.access.AccessLevel;
import dev.mamori.access.GrantDraft;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Register;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;
import dev.mamori.vault.VaultFixture;

/**
 * Someone who sees a document's entry in the register but may not view the document is told so (HTTP 403 with the
 * reason), not that it does not exist; someone who may not know of the entry still gets 404. The viewing record
 * is for the entry's 管理責任者, the auditor and the 統括責任者.
 */
@MamoriTest
class VaultRefusalPagesTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    @Autowired TestUsers users;
    @Autowired MessageSource messages;
    @Autowired Access access;

    VaultFixture f;
    MamoriUserDetails chief;
    long id;

    @BeforeEach
    void fixture() {
        f = new VaultFixture(context);
        chief = f.colleague("統括 六郎", Role.CHIEF_OFFICER);
        id = f.uploadPdf("取締役会の資料");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void whoSeesTheEntryInTheRegisterButMayNotViewIsToldSo(String lang) throws Exception {
        MamoriUserDetails c = users.inLanguage(chief, Locale.forLanguageTag(lang));
        String reason = HtmlUtils.htmlEscape(messages.getMessage("vault.document.notPermitted", null, Locale.forLanguageTag(lang)));
        mvc.perform(get("/vault/documents/{id}", id).with(as(c)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString(reason)))
                .andExpect(content().string(not(containsString(HtmlUtils.htmlEscape(messages.getMessage("vault.document.notFound",
                        new Object[] {String.valueOf(id)}, Locale.forLanguageTag(lang)))))));
        mvc.perform(get("/vault/documents/{id}/viewer", id).with(as(c))).andExpect(status().isForbidden());
        mvc.perform(get("/vault/assets/{a}/documents", f.assetId).with(as(c))).andExpect(status().isForbidden());
        // the refused view is in the ledger, as one the chief could know of
        List<LedgerEntry> refused = ledger.historyOf(Subject.of("vault-document", id)).stream()
                .filter(e -> e.action().equals("vault.document.viewRefused") && e.actor().accountId() == c.accountId()).toList();
        assertThat(refused).singleElement().satisfies(e -> assertThat(e.detailsJson()).contains("\"visible\": true"));
    }

    @Test
    void whoMayNotKnowOfTheEntryIsStillToldTheDocumentDoesNotExist() throws Exception {
        mvc.perform(get("/vault/documents/{id}", id).with(as(f.outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/vault/documents/{id}/viewer", id).with(as(f.outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/vault/documents/{id}/records", id).with(as(f.outsider))).andExpect(status().isNotFound());
    }

    @Test
    void theChiefOfficerReadsTheViewingRecordAsTheManagerAndTheAuditorDo() throws Exception {
        mvc.perform(get("/vault/documents/{id}/viewer", id).with(as(f.holder))).andExpect(status().isOk());
        MamoriUserDetails auditor = f.colleague("監査 七子", Role.AUDITOR);
        for (MamoriUserDetails reader : List.of(chief, auditor, f.manager)) {
            mvc.perform(get("/vault/documents/{id}/records", id).with(as(reader)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"vault-records\"")))
                    .andExpect(content().string(containsString("取締役会の資料")))
                    .andExpect(content().string(containsString("保持 花子")));
        }
        // the document page links to it for those who may read it, and not for others
        mvc.perform(get("/vault/documents/{id}", id).with(as(auditor)))
                .andExpect(content().string(containsString("id=\"vault-records-link\"")));
        mvc.perform(get("/vault/documents/{id}", id).with(as(f.holder)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"vault-records-link\""))));
    }

    @Test
    void viewersWhoAreNeitherManagerNorAuditorNorChiefAreRefusedTheViewingRecord() throws Exception {
        MamoriUserDetails grantee = f.colleague("付与 八郎");
        Register.as(f.manager, () -> access.grant(new GrantDraft(f.assetId, AccessHolder.person(grantee.personId()),
                AccessLevel.VIEW, "審査", null, null)));
        String refusal = HtmlUtils.htmlEscape(messages.getMessage("vault.records.refused", null, Locale.JAPANESE));
        for (MamoriUserDetails viewer : List.of(f.holder, grantee)) {
            mvc.perform(get("/vault/documents/{id}/records", id).with(as(viewer)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(containsString(refusal)));
            mvc.perform(get("/api/v1/vault/documents/{id}/records", id).with(as(viewer))).andExpect(status().isForbidden());
        }
    }
}
