package dev.mamori.vault.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Register;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;
import dev.mamori.vault.CopyView;
import dev.mamori.vault.Upload;
import dev.mamori.vault.Vault;
import dev.mamori.vault.VaultFixture;

/**
 * Numbered copies go to recipients named by 社員番号 (one per line or separated by commas) on the page and by
 * {@code employeeNumbers} in the API, person ids still accepted there; an unknown 社員番号 is named beside the
 * field in Japanese and English and nothing is issued; the tracker shows each recipient's 氏名 and 社員番号.
 */
@MamoriTest
class VaultDistributionTests {

    static final byte[] PNG = dev.mamori.vault.internal.marking.SampleFiles.image("png", 1, 1);

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Vault vault;
    @Autowired Ledger ledger;
    @Autowired TestUsers users;
    @Autowired MessageSource messages;
    @Autowired Directory directory;
    @Autowired dev.mamori.access.Access access;

    VaultFixture f;
    MamoriUserDetails second;
    long documentId;
    String due;

    @BeforeEach
    void fixture() {
        f = new VaultFixture(context);
        second = f.colleague("受領 三郎");
        Register.as(f.manager, () -> access.grant(new dev.mamori.access.GrantDraft(f.assetId,
                AccessHolder.person(second.personId()), dev.mamori.access.AccessLevel.VIEW, "設計審査会に出席", null, null)));
        documentId = Register.as(f.manager, () -> vault.create(f.assetId, "配布資料", new Upload("図.png", "image/png", PNG))).id();
        due = LocalDate.now(Directory.JAPAN).plusDays(5).toString();
    }

    String number(MamoriUserDetails user) {
        return directory.findPerson(user.personId()).orElseThrow().employeeNumber();
    }

    @Test
    void thePageIssuesOneCopyPerEmployeeNumberAndTheTrackerNamesEachRecipient() throws Exception {
        String typed = number(f.holder) + "\n" + number(second) + " ,\r\n";
        mvc.perform(post("/vault/documents/{id}/copies", documentId).param("purpose", "設計審査会").param("dueOn", due)
                        .param("recipients", typed).with(as(f.manager)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/vault/copies"));
        var copies = Register.as(f.manager, () -> vault.numberedCopies()).stream().filter(c -> c.documentId() == documentId).toList();
        assertThat(copies).extracting(CopyView::personId).containsExactlyInAnyOrder(f.holder.personId(), second.personId());
        mvc.perform(get("/vault/copies").with(as(f.manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("保持 花子")))
                .andExpect(content().string(containsString("<td>" + number(f.holder) + "</td>")))
                .andExpect(content().string(containsString("受領 三郎")))
                .andExpect(content().string(containsString("<td>" + number(second) + "</td>")));
        // commas work as well as lines, and a person named twice gets one copy
        mvc.perform(post("/vault/documents/{id}/copies", documentId).param("purpose", "二回目").param("dueOn", due)
                        .param("recipients", number(second) + "、" + number(f.holder) + "," + number(second))
                        .with(as(f.manager)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(Register.as(f.manager, () -> vault.numberedCopies()).stream()
                .filter(c -> c.documentId() == documentId && "二回目".equals(c.purpose()))).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void unknownEmployeeNumbersAreNamedBesideTheFieldAndNothingIsIssued(String lang) throws Exception {
        MamoriUserDetails manager = users.inLanguage(f.manager, Locale.forLanguageTag(lang));
        String typed = number(f.holder) + "\nNO-SUCH-1, NO-SUCH-2";
        mvc.perform(post("/vault/documents/{id}/copies", documentId).param("purpose", "設計審査会").param("dueOn", due)
                        .param("recipients", typed).with(as(manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(beside("vault-copy-recipients", "vault.copy.employeeNumbersUnknown", lang, "NO-SUCH-1, NO-SUCH-2"))
                .andExpect(content().string(containsString("NO-SUCH-1, NO-SUCH-2</textarea>")))
                .andExpect(content().string(containsString("value=\"設計審査会\"")));
        assertNothingIssued();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void theApiTakesEmployeeNumbersAndStillPersonIds(String lang) throws Exception {
        MamoriUserDetails manager = users.inLanguage(f.manager, Locale.forLanguageTag(lang));
        mvc.perform(post("/api/v1/vault/copies").contentType(MediaType.APPLICATION_JSON).with(as(manager)).with(csrf())
                        .content(json("\"employeeNumbers\":[\"NO-SUCH-9\",\"" + number(second) + "\"]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail_" + lang).value(messages.getMessage("vault.copy.employeeNumbersUnknown",
                        new Object[] {"NO-SUCH-9"}, Locale.forLanguageTag(lang))));
        assertNothingIssued();
        mvc.perform(post("/api/v1/vault/copies").contentType(MediaType.APPLICATION_JSON).with(as(manager)).with(csrf())
                        .content(json("\"employeeNumbers\":[\"" + number(second) + "\"],\"recipientPersonIds\":[" + f.holder.personId() + "]")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].personId").value(f.holder.personId()))
                .andExpect(jsonPath("$[1].personId").value(second.personId()))
                .andExpect(jsonPath("$[1].employeeNumber").value(number(second)));
        mvc.perform(post("/api/v1/vault/copies").contentType(MediaType.APPLICATION_JSON).with(as(manager)).with(csrf())
                        .content(json("\"recipientPersonIds\":[" + second.personId() + "]")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].employeeNumber").value(number(second)));
    }

    @Test
    void distributionByEmployeeNumberIsRefusedToThoseWhoMayNotDistribute() throws Exception {
        mvc.perform(post("/api/v1/vault/copies").contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", TestUsers.bearer(users.token(f.holder))).content(json("\"employeeNumbers\":[\"" + number(second) + "\"]")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/vault/copies").contentType(MediaType.APPLICATION_JSON)
                        .content(json("\"employeeNumbers\":[\"" + number(second) + "\"]")))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/vault/documents/{id}/copies", documentId).param("purpose", "会議").param("dueOn", due)
                        .param("recipients", number(second)).with(as(f.holder)).with(csrf()))
                .andExpect(status().isForbidden());
        // someone who may not know of the entry learns nothing, not even whether the 社員番号 exists
        mvc.perform(post("/vault/documents/{id}/copies", documentId).param("purpose", "会議").param("dueOn", due)
                        .param("recipients", "NO-SUCH-3").with(as(f.outsider)).with(csrf()))
                .andExpect(status().isNotFound());
        assertNothingIssued();
    }

    private String json(String recipients) {
        return "{\"documentId\":" + documentId + ",\"purpose\":\"設計審査会\",\"dueOn\":\"" + due + "\"," + recipients + "}";
    }

    private void assertNothingIssued() {
        assertThat(Register.as(f.manager, () -> vault.numberedCopies()).stream().filter(c -> c.documentId() == documentId)).isEmpty();
        assertThat(ledger.historyOf(Subject.of("vault-document", documentId))).extracting(e -> e.action())
                .doesNotContain("vault.copy.distributed");
    }

    private ResultMatcher beside(String id, String key, String lang, Object... args) {
        String text = HtmlUtils.htmlEscape(messages.getMessage(key, args, Locale.forLanguageTag(lang)));
        return content().string(org.hamcrest.Matchers.matchesPattern(
                "(?s).*id=\"" + Pattern.quote(id + "-error") + "\"[^>]*>\\s*" + Pattern.quote(text) + "\\s*</p>.*"));
    }
}
