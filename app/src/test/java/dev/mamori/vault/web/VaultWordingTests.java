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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.web.util.HtmlUtils;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.Register;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;
import dev.mamori.vault.CopyView;
import dev.mamori.vault.DistributionDraft;
import dev.mamori.vault.Upload;
import dev.mamori.vault.Vault;
import dev.mamori.vault.VaultFixture;

/**
 * The vault's pages speak to people: actions and formats by their names, not enum names; identification says when
 * a format cannot carry a fingerprint, and names documents the investigator may not open without linking them;
 * the upload form names every missing field at once; the tracker's note has a visible label; sizes are readable.
 */
@MamoriTest
class VaultWordingTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Vault vault;
    @Autowired TestUsers users;
    @Autowired MessageSource messages;

    VaultFixture f;

    @BeforeEach
    void fixture() {
        f = new VaultFixture(context);
    }


    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void refusalsNameTheActionInTheUsersLanguage(String lang) throws Exception {
        MamoriUserDetails holder = users.inLanguage(f.holder, Locale.forLanguageTag(lang));
        long id = f.uploadPdf("操作名");
        String download = f.text("vault.access.refused", lang, messages.getMessage("vault.action.DOWNLOAD", null, Locale.forLanguageTag(lang)));
        mvc.perform(get("/vault/documents/{id}/download", id).with(as(holder)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString(download)))
                .andExpect(content().string(not(containsString("（DOWNLOAD）"))))
                .andExpect(content().string(not(containsString("(DOWNLOAD)"))));
        String distribute = f.text("vault.access.refused", lang, messages.getMessage("vault.action.DISTRIBUTE", null, Locale.forLanguageTag(lang)));
        mvc.perform(post("/vault/documents/{id}/copies", id).param("purpose", "会議")
                        .param("dueOn", LocalDate.now(Directory.JAPAN).plusDays(2).toString()).param("recipients", "X")
                        .with(as(holder)).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString(distribute)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void identifyingAFileOfAFormatThatCannotCarryAFingerprintSaysSo(String lang) throws Exception {
        MamoriUserDetails security = users.inLanguage(f.colleague("情報 十二", Role.IT_SECURITY), Locale.forLanguageTag(lang));
        mvc.perform(multipart("/vault/identify").file(new MockMultipartFile("file", "note.txt", "text/plain",
                        "hello".getBytes(StandardCharsets.UTF_8))).with(as(security)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(f.text("vault.identify.formatCarriesNone", lang,
                        messages.getMessage("vault.format.OTHER", null, Locale.forLanguageTag(lang))))))
                .andExpect(content().string(not(containsString("OTHER"))));
    }

    @Test
    void theIdentifyResultLinksOnlyDocumentsTheInvestigatorMayOpen() throws Exception {
        long id = f.uploadPdf("流出した図面");
        byte[] leaked = mvc.perform(get("/vault/documents/{id}/download", id).with(as(f.manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        MamoriUserDetails security = f.colleague("情報 十三", Role.IT_SECURITY);
        String link = "href=\"/vault/documents/" + id + "\"";
        mvc.perform(multipart("/vault/identify").file(new MockMultipartFile("file", "leak.pdf", "application/pdf", leaked))
                        .with(as(security)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"vault-identify-copies\"")))
                .andExpect(content().string(containsString("<td>流出した図面</td>")))
                .andExpect(content().string(not(containsString(link))));
        mvc.perform(get("/vault/documents/{id}", id).with(as(security))).andExpect(status().isNotFound());
        mvc.perform(multipart("/vault/identify").file(new MockMultipartFile("file", "leak.pdf", "application/pdf", leaked))
                        .with(as(f.manager)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(link)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void theUploadFormNamesAMissingTitleAndAMissingFileAtOnce(String lang) throws Exception {
        MamoriUserDetails manager = users.inLanguage(f.manager, Locale.forLanguageTag(lang));
        mvc.perform(multipart("/vault/assets/{a}/documents", f.assetId).param("title", "").with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(beside("vault-upload-title", "vault.document.titleRequired", lang))
                .andExpect(beside("vault-upload-file", "vault.file.empty", lang));
    }

    @Test
    void theTrackersNoteHasAVisibleLabelAndSizesAreReadable() throws Exception {
        long id = Register.as(f.manager, () -> vault.create(f.assetId, "大きさ", new Upload("a.txt", "text/plain",
                new byte[6865]))).id();
        CopyView copy = Register.as(f.manager, () -> vault.distribute(f.uploadPdf("回収"), new DistributionDraft("会議",
                LocalDate.now(Directory.JAPAN).plusDays(2), List.of(f.holder.personId())))).get(0);
        mvc.perform(get("/vault/copies").with(as(f.manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<label for=\"vault-settle-note-" + copy.id() + "\">"
                        + f.text("vault.copy.noteLabel", "ja") + "</label>")));
        mvc.perform(get("/vault/documents/{id}", id).with(as(f.manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">6.7 KB</td>")))
                .andExpect(content().string(containsString("6,865")));
        assertThat(Register.as(f.manager, () -> vault.document(id)).latest().readableSize(Locale.ENGLISH)).isEqualTo("6.7 KB");
    }

    @Test
    void theEnglishPagesSayWhatALiveDocumentIsAndWhatTheButtonDoes() throws Exception {
        MamoriUserDetails manager = users.inLanguage(f.manager, Locale.ENGLISH);
        long id = f.uploadPdf("English");
        mvc.perform(get("/vault/documents/{id}", id).with(as(manager)))
                .andExpect(content().string(containsString("<dd>Active</dd>")))
                .andExpect(content().string(containsString(">Dispose of this document</button>")))
                .andExpect(content().string(not(containsString(">Kept<"))));
    }

    private ResultMatcher beside(String id, String key, String lang, Object... args) {
        String msg = HtmlUtils.htmlEscape(messages.getMessage(key, args, Locale.forLanguageTag(lang)));
        return content().string(org.hamcrest.Matchers.matchesPattern(
                "(?s).*id=\"" + Pattern.quote(id + "-error") + "\"[^>]*>\\s*" + Pattern.quote(msg) + "\\s*</p>.*"));
    }
}
