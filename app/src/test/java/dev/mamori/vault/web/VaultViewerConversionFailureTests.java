package dev.mamori.vault.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import dev.mamori.inventory.Register;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.TestUsers;
import dev.mamori.vault.Upload;
import dev.mamori.vault.Vault;
import dev.mamori.vault.VaultFixture;
import dev.mamori.vault.Viewing;
import dev.mamori.vault.internal.marking.SampleFiles;

/**
 * When LibreOffice cannot convert a Word, Excel or PowerPoint file (here: the configured {@code soffice} does not
 * exist), the viewer shows nothing and says so, nothing is issued — no copy in the viewing record, no ledger entry
 * — and the file is still not handed to someone who may only view it. PDFs are shown as before. A context of its
 * own (another converter setting) on a database of its own.
 */
@SpringBootTest(properties = {"mamori.vault.viewer.office-converter=/nonexistent/libreoffice/soffice",
        "mamori.db.embedded-database=vault_office_failing"})
@AutoConfigureMockMvc
@Import(TestUsers.class)
class VaultViewerConversionFailureTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Vault vault;
    @Autowired Ledger ledger;
    @Autowired TestUsers users;
    @Autowired MessageSource messages;

    VaultFixture f;

    @BeforeEach
    void fixture() {
        f = new VaultFixture(context);
    }

    long upload(String title, String fileName, byte[] content) {
        return Register.as(f.manager, () -> vault.create(f.assetId, title, new Upload(fileName, null, content))).id();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void aWordFileThatCannotBeConvertedIsNotShownAndNothingIsIssued(String lang) throws Exception {
        long id = upload("議事録", "議事録.docx", SampleFiles.docx("議事録", "本文"));
        MamoriUserDetails holder = users.inLanguage(f.holder, Locale.forLanguageTag(lang));
        String failed = HtmlUtils.htmlEscape(messages.getMessage("vault.viewer.conversionFailed", null,
                Locale.forLanguageTag(lang)));
        mvc.perform(get("/vault/documents/{id}/viewer", id).with(as(holder)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"vault-viewer-failed\"")))
                .andExpect(content().string(containsString(failed)))
                .andExpect(content().string(not(containsString("/viewer/pages/"))))
                .andExpect(content().string(not(containsString("id=\"vault-viewer-download\""))));
        Viewing viewing = Register.as(f.holder, () -> vault.openViewer(id, null));
        assertThat(viewing.shown()).isFalse();
        assertThat(viewing.conversionFailed()).isTrue();
        assertThat(viewing.format()).isEqualTo("DOCX");
        // nothing was shown, so nothing was issued: no copy, no ledger entry
        assertThat(Register.as(f.manager, () -> vault.records(id))).isEmpty();
        assertThat(ledger.historyOf(Subject.of("vault-document", id))).extracting(LedgerEntry::action)
                .doesNotContain("vault.document.viewed");
        // and the file is still not theirs
        mvc.perform(get("/vault/documents/{id}/download", id).with(as(holder))).andExpect(status().isForbidden());
        mvc.perform(get("/vault/documents/{id}/view", id).with(as(holder))).andExpect(status().isSeeOther());
        // the manager, who may download it, is offered the download
        mvc.perform(get("/vault/documents/{id}/viewer", id).with(as(f.manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"vault-viewer-failed\"")))
                .andExpect(content().string(containsString("id=\"vault-viewer-download\"")));
        assertThat(Register.as(f.manager, () -> vault.records(id))).isEmpty();
    }

    @Test
    void aPdfIsStillShown() throws Exception {
        byte[] pdf = SampleFiles.pdf(dev.mamori.vault.internal.marking.MarkFont.locate(null), "設計書", "本文", 2);
        long id = upload("設計書", "設計書.pdf", pdf);
        assertThat(Register.as(f.holder, () -> vault.openViewer(id, null)).pages()).isEqualTo(2);
        assertThat(Register.as(f.manager, () -> vault.records(id))).hasSize(1);
    }
}
