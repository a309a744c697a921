package dev.mamori.vault.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.web.util.HtmlUtils;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.Register;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;
import dev.mamori.vault.CopyView;
import dev.mamori.vault.DistributionDraft;
import dev.mamori.vault.Upload;
import dev.mamori.vault.Vault;
import dev.mamori.vault.VaultFixture;

/**
 * Recording a numbered copy's return (回収) with a missing or unknown choice or an overlong note answers HTTP 400
 * with the message beside the field of that copy's row, in Japanese and English, the note kept; the copy stays
 * open and nothing is written to the ledger. The API refuses the same input as problem+json.
 */
@MamoriTest
class VaultSettlementFormTests {

    static final byte[] PNG = dev.mamori.vault.internal.marking.SampleFiles.image("png", 1, 1);

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Vault vault;
    @Autowired Ledger ledger;
    @Autowired TestUsers users;
    @Autowired MessageSource messages;

    VaultFixture f;
    CopyView copy;

    @BeforeEach
    void fixture() {
        f = new VaultFixture(context);
        long id = Register.as(f.manager, () -> vault.create(f.assetId, "回収の書類", new Upload("図.png", "image/png", PNG))).id();
        copy = Register.as(f.manager, () -> vault.distribute(id,
                new DistributionDraft("定例会議", LocalDate.now(Directory.JAPAN).plusDays(3), List.of(f.holder.personId())))).get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void aMissingOrUnknownChoiceIsShownBesideItWithTheNoteKept(String lang) throws Exception {
        MamoriUserDetails manager = users.inLanguage(f.manager, Locale.forLanguageTag(lang));
        String settle = "/vault/copies/" + copy.id() + "/settlement";
        mvc.perform(post(settle).param("note", "会議後に回収").with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<html")))
                .andExpect(beside("vault-settle-as-" + copy.id(), "vault.copy.settlementRequired", lang))
                .andExpect(content().string(containsString("value=\"会議後に回収\"")));
        mvc.perform(post(settle).param("settledAs", "LOST").param("note", "紛失かも").with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(beside("vault-settle-as-" + copy.id(), "vault.form.typeMismatch.settledAs", lang))
                .andExpect(content().string(containsString("value=\"紛失かも\"")));
        assertNothingRecorded();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void anOverlongNoteIsShownBesideItWithTheChoiceKeptAlsoAsAnHtmxFragment(String lang) throws Exception {
        MamoriUserDetails manager = users.inLanguage(f.manager, Locale.forLanguageTag(lang));
        String settle = "/vault/copies/" + copy.id() + "/settlement";
        String note = "長".repeat(201);
        mvc.perform(post(settle).param("settledAs", "DESTROYED").param("note", note).with(as(manager)).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("id=\"vault-table\"")))
                .andExpect(beside("vault-settle-note-" + copy.id(), "vault.form.tooLong", lang))
                .andExpect(content().string(containsString("value=\"" + note + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*value=\"DESTROYED\"\\s+selected.*")));
        assertNothingRecorded();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void theApiRefusesTheSameInputInTheCallersLanguage(String lang) throws Exception {
        MamoriUserDetails manager = users.inLanguage(f.manager, Locale.forLanguageTag(lang));
        String settle = "/api/v1/vault/copies/" + copy.id() + "/settlement";
        mvc.perform(post(settle).contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"x\"}").with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail_" + lang).value(messages.getMessage("vault.copy.settlementRequired", null, Locale.forLanguageTag(lang))));
        mvc.perform(post(settle).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"settledAs\":\"RETURNED\",\"note\":\"" + "x".repeat(201) + "\"}").with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail_" + lang).value(messages.getMessage("vault.form.tooLong", null, Locale.forLanguageTag(lang))));
        assertNothingRecorded();
    }

    private void assertNothingRecorded() {
        assertThat(Register.as(f.manager, () -> vault.numberedCopies()).stream().filter(c -> c.id() == copy.id())
                .findFirst().orElseThrow().open()).isTrue();
        assertThat(ledger.historyOf(Subject.of("vault-copy", copy.id()))).extracting(e -> e.action())
                .doesNotContain("vault.copy.returned", "vault.copy.destroyed");
    }

    private ResultMatcher beside(String id, String key, String lang, Object... args) {
        String text = HtmlUtils.htmlEscape(messages.getMessage(key, args, Locale.forLanguageTag(lang)));
        return content().string(org.hamcrest.Matchers.matchesPattern(
                "(?s).*id=\"" + Pattern.quote(id + "-error") + "\"[^>]*>\\s*" + Pattern.quote(text) + "\\s*</span>.*"));
    }
}
