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

import dev.mamori.inventory.Register;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;
import dev.mamori.vault.Vault;
import dev.mamori.vault.VaultFixture;

/**
 * The vault's forms answer bad input beside the field in Japanese and English and keep what was typed; refused
 * views, downloads and disposals are in the ledger; lists, versions and the copy tracker are htmx fragments
 * as well as pages.
 */
@MamoriTest
class VaultPagesTests {

    static final byte[] PNG = dev.mamori.vault.internal.marking.SampleFiles.image("png", 1, 1);

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Vault vault;
    @Autowired Ledger ledger;
    @Autowired TestUsers users;
    @Autowired MessageSource messages;
    @Autowired dev.mamori.directory.Directory directory;

    VaultFixture f;

    @BeforeEach
    void fixture() {
        f = new VaultFixture(context);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void uploadAndNewVersionFormsShowErrorsBesideTheFields(String lang) throws Exception {
        MamoriUserDetails manager = users.inLanguage(f.manager, Locale.forLanguageTag(lang));
        mvc.perform(multipart("/vault/assets/{a}/documents", f.assetId).file(new MockMultipartFile("file", "a.png", "image/png", PNG))
                        .param("title", " ").with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(beside("vault-upload-title", "vault.document.titleRequired", lang));
        mvc.perform(multipart("/vault/assets/{a}/documents", f.assetId).param("title", "入力した題名").with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(beside("vault-upload-file", "vault.file.empty", lang))
                .andExpect(content().string(containsString("value=\"入力した題名\"")));
        long id = f.uploadPng("版");
        mvc.perform(multipart("/vault/documents/{id}/versions", id).file(new MockMultipartFile("file", "e.png", "image/png", new byte[0]))
                        .with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(beside("vault-version-file", "vault.file.empty", lang));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void distributionAndDisposalFormsShowErrorsBesideTheFieldsAndKeepTheInput(String lang) throws Exception {
        MamoriUserDetails manager = users.inLanguage(f.manager, Locale.forLanguageTag(lang));
        long id = f.uploadPng("配布");
        mvc.perform(post("/vault/documents/{id}/copies", id).param("purpose", "定例会議").param("dueOn", "2030-02-30")
                        .param("recipients", employeeNumber(f.holder)).with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(beside("vault-copy-due", "vault.form.typeMismatch", lang))
                .andExpect(content().string(containsString("value=\"定例会議\"")));
        mvc.perform(post("/vault/documents/{id}/copies", id).param("purpose", "定例会議").param("dueOn", "2030-01-31")
                        .param("recipients", "x12").with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(beside("vault-copy-recipients", "vault.copy.employeeNumbersUnknown", lang, "x12"))
                .andExpect(content().string(containsString("value=\"2030-01-31\"")));
        mvc.perform(post("/vault/documents/{id}/copies", id).param("purpose", "定例会議").param("dueOn", "2000-01-01")
                        .param("recipients", employeeNumber(f.holder)).with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(beside("vault-copy-due", "vault.copy.dueInvalid", lang));
        mvc.perform(post("/vault/documents/{id}/disposal", id).param("reason", "").with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(beside("vault-disposal-reason", "vault.disposal.reasonRequired", lang));
        assertThat(Register.as(f.manager, () -> vault.document(id)).disposed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void theIdentifyFormAsksForAFileBesideTheField(String lang) throws Exception {
        MamoriUserDetails security = users.inLanguage(f.colleague("情報 四郎", Role.IT_SECURITY), Locale.forLanguageTag(lang));
        mvc.perform(multipart("/vault/identify").with(as(security)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(beside("vault-identify-file", "vault.identify.fileEmpty", lang));
        mvc.perform(multipart("/vault/identify").with(as(f.holder)).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void refusedViewsDownloadsAndDisposalsAreRecordedInTheLedger() throws Exception {
        long id = f.uploadPng("拒否の記録");
        // the holder may view a 極秘 document but not download it; the outsider may not even know of it
        mvc.perform(get("/vault/documents/{id}/download", id).with(as(f.holder))).andExpect(status().isForbidden());
        mvc.perform(get("/vault/documents/{id}/view", id).param("version", "1").with(as(f.outsider))).andExpect(status().isNotFound());
        mvc.perform(post("/vault/documents/{id}/disposal", id).param("reason", "不要").with(as(f.holder)).with(csrf()))
                .andExpect(status().isForbidden());
        List<LedgerEntry> history = ledger.historyOf(Subject.of("vault-document", id));
        LedgerEntry download = only(history, "vault.document.downloadRefused");
        assertThat(download.actor().accountId()).isEqualTo(f.holder.accountId());
        assertThat(download.detailsJson()).contains("\"visible\": true", "\"reason\": \"policy.decision.", "\"assetId\": " + f.assetId);
        LedgerEntry view = only(history, "vault.document.viewRefused");
        assertThat(view.actor().accountId()).isEqualTo(f.outsider.accountId());
        assertThat(view.detailsJson()).contains("\"visible\": false", "\"version\": 1");
        assertThat(only(history, "vault.document.disposalRefused").actor().accountId()).isEqualTo(f.holder.accountId());
        assertThat(history).extracting(LedgerEntry::action).doesNotContain("vault.document.downloaded", "vault.document.disposed");
    }

    @Test
    void listsVersionsAndTheCopyTrackerRenderAsPagesAndAsHtmxFragments() throws Exception {
        long id = f.uploadPng("断片");
        String[][] pages = {{"/vault", "vault-table"}, {"/vault/assets/" + f.assetId + "/documents", "vault-table"},
                {"/vault/documents/" + id, "vault-versions"}, {"/vault/copies", "vault-table"}};
        for (String[] p : pages) {
            mvc.perform(get(p[0]).with(as(f.manager)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("<html")))
                    .andExpect(content().string(containsString("id=\"" + p[1] + "\"")));
            mvc.perform(get(p[0]).with(as(f.manager)).header("HX-Request", "true"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("<html"))))
                    .andExpect(content().string(containsString("id=\"" + p[1] + "\"")));
            mvc.perform(get(p[0]).header("HX-Request", "true")).andExpect(status().is(org.hamcrest.Matchers.not(200)));
        }
        mvc.perform(get("/vault/documents/{id}", id).with(as(f.holder)).header("HX-Request", "true"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"vault-versions\"")));
        mvc.perform(get("/vault/documents/{id}", id).with(as(f.outsider)).header("HX-Request", "true")).andExpect(status().isNotFound());
        mvc.perform(get("/vault/assets/{a}/documents", f.assetId).with(as(f.outsider)).header("HX-Request", "true"))
                .andExpect(status().is(org.hamcrest.Matchers.greaterThanOrEqualTo(400)));
    }

    @Test
    void documentPagesNameTheirEntryForThoseWhoMayKnowOfIt() throws Exception {
        long id = f.uploadPng("名称");
        for (String page : new String[] {"/vault", "/vault/assets/" + f.assetId + "/documents", "/vault/documents/" + id}) {
            mvc.perform(get(page).with(as(f.manager))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("新型ポンプ設計")));
        }
        mvc.perform(get("/vault").with(as(f.manager)).header("HX-Request", "true")).andExpect(status().isOk())
                .andExpect(content().string(containsString("新型ポンプ設計")));
    }

    private String employeeNumber(MamoriUserDetails user) {
        return directory.findPerson(user.personId()).orElseThrow().employeeNumber();
    }

    private static LedgerEntry only(List<LedgerEntry> history, String action) {
        List<LedgerEntry> found = history.stream().filter(e -> e.action().equals(action)).toList();
        assertThat(found).as(action).hasSize(1);
        return found.get(0);
    }

    private ResultMatcher beside(String id, String key, String lang, Object... args) {
        String text = HtmlUtils.htmlEscape(messages.getMessage(key, args, Locale.forLanguageTag(lang)));
        return content().string(org.hamcrest.Matchers.matchesPattern(
                "(?s).*id=\"" + Pattern.quote(id + "-error") + "\"[^>]*>\\s*" + Pattern.quote(text) + "\\s*</p>.*"));
    }
}
