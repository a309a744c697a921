package dev.mamori.vault.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.Register;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;
import dev.mamori.vault.DistributionDraft;
import dev.mamori.vault.DocumentView;
import dev.mamori.vault.Upload;
import dev.mamori.vault.Vault;
import dev.mamori.vault.VaultFixture;

/**
 * A file in a format that cannot be marked (a text file, say) is stored and handed out as it is, only recorded: the
 * pages say so instead of promising a mark, the upload warns of it, and no numbered copies are made of it (they
 * would be untraceable).
 */
@MamoriTest
class VaultUnmarkableFilesTests {

    static final byte[] TEXT = "品番,数量\nP-100,12\n".getBytes(StandardCharsets.UTF_8);

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Vault vault;
    @Autowired Ledger ledger;
    @Autowired TestUsers users;
    @Autowired MessageSource messages;
    @Autowired Directory directory;

    VaultFixture f;

    @BeforeEach
    void fixture() {
        f = new VaultFixture(context);
    }

    String format(String name, String lang) {
        return messages.getMessage("vault.format." + name, null, Locale.forLanguageTag(lang));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void theUploadWarnsAndThePagesTellTheTruthAboutAnUnmarkableFile(String lang) throws Exception {
        MamoriUserDetails manager = users.inLanguage(f.manager, Locale.forLanguageTag(lang));
        mvc.perform(multipart("/vault/assets/{a}/documents", f.assetId).file(new MockMultipartFile("file", "note.txt", "text/plain", TEXT))
                        .param("title", "部品メモ").with(as(manager)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("warning", "vault.upload.unmarked"));
        long id = Register.as(f.manager, () -> vault.documents(f.assetId)).get(0).id();
        mvc.perform(get("/vault/documents/{id}", id).with(as(manager)).flashAttr("warning", "vault.upload.unmarked"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(f.text("vault.upload.unmarked", lang))))
                .andExpect(content().string(containsString(f.text("vault.document.unmarkedHint", lang))))
                .andExpect(content().string(not(containsString(f.text("vault.document.markHint", lang)))))
                .andExpect(content().string(containsString(f.text("vault.copy.unmarkable", lang, format("OTHER", lang)))))
                .andExpect(content().string(not(containsString("id=\"vault-distribute\""))));
        mvc.perform(get("/vault/documents/{id}/viewer", id).with(as(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(f.text("vault.viewer.downloadUnmarked", lang, format("OTHER", lang)))))
                .andExpect(content().string(not(containsString("OTHER"))));
        // a new version in that format warns as well
        mvc.perform(multipart("/vault/documents/{id}/versions", id).file(new MockMultipartFile("file", "note2.txt", "text/plain", TEXT))
                        .with(as(manager)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("warning", "vault.upload.unmarked"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void numberedCopiesOfAnUnmarkableVersionAreRefusedAndNothingIsIssued(String lang) throws Exception {
        MamoriUserDetails manager = users.inLanguage(f.manager, Locale.forLanguageTag(lang));
        long id = Register.as(f.manager, () -> vault.create(f.assetId, "部品メモ", new Upload("note.txt", "text/plain", TEXT))).id();
        String number = directory.findPerson(f.holder.personId()).orElseThrow().employeeNumber();
        mvc.perform(post("/vault/documents/{id}/copies", id).param("purpose", "定例会議")
                        .param("dueOn", LocalDate.now(Directory.JAPAN).plusDays(3).toString())
                        .param("recipients", number).with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(f.text("vault.copy.unmarkable", lang, format("OTHER", lang)))));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Register.as(f.manager, () -> vault.distribute(id,
                        new DistributionDraft("定例会議", LocalDate.now(Directory.JAPAN).plusDays(3), List.of(f.holder.personId())))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("vault.copy.unmarkable");
        assertThat(Register.as(f.manager, () -> vault.numberedCopies()).stream().filter(c -> c.documentId() == id)).isEmpty();
        assertThat(ledger.historyOf(Subject.of("vault-document", id))).extracting(LedgerEntry::action)
                .doesNotContain("vault.copy.distributed");
        // the download is the original and recorded as unmarked
        byte[] got = mvc.perform(get("/vault/documents/{id}/download", id).with(as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(got).isEqualTo(TEXT);
        assertThat(ledger.historyOf(Subject.of("vault-document", id))).filteredOn(e -> e.action().equals("vault.document.downloaded"))
                .singleElement().satisfies(e -> assertThat(e.detailsJson()).contains("\"marked\": false"));
    }

    @Test
    void aMarkableFileIsUploadedWithoutWarningAndOffersDistribution() throws Exception {
        long id = f.uploadPdf("図面");
        DocumentView d = Register.as(f.manager, () -> vault.document(id));
        assertThat(d.latestUnmarked()).isFalse();
        assertThat(d.distributable()).isTrue();
        mvc.perform(get("/vault/documents/{id}", id).with(as(f.manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(f.text("vault.document.markHint", "ja"))))
                .andExpect(content().string(not(containsString("id=\"vault-unmarked-hint\""))))
                .andExpect(content().string(not(containsString("id=\"vault-warning\""))))
                .andExpect(content().string(containsString("id=\"vault-distribute\"")));
        mvc.perform(multipart("/vault/assets/{a}/documents", f.assetId)
                        .file(new MockMultipartFile("file", "a.png", "image/png", dev.mamori.vault.internal.marking.SampleFiles.image("png", 1, 1)))
                        .param("title", "画像").with(as(f.manager)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeCount(1));
    }
}
