package dev.mamori.vault.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.Register;
import dev.mamori.support.MamoriTest;
import dev.mamori.vault.CopyView;
import dev.mamori.vault.DistributionDraft;
import dev.mamori.vault.Vault;
import dev.mamori.vault.VaultFixture;

/**
 * The vault pages drive their fragments through htmx: the entry filter of the document list asks for
 * {@code /vault?assetId=} into {@code #vault-table} and pushes the URL, which also renders as a whole page; the
 * copy tracker's return forms post to their settlement URL and swap {@code #vault-table}. Fragments go only to
 * those who may see the page.
 */
@MamoriTest
class VaultHtmxTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Vault vault;

    VaultFixture f;

    @BeforeEach
    void fixture() {
        f = new VaultFixture(context);
    }

    CopyView issue(long documentId) {
        return Register.as(f.manager, () -> vault.distribute(documentId,
                new DistributionDraft("定例会議", LocalDate.now(Directory.JAPAN).plusDays(3), List.of(f.holder.personId())))).get(0);
    }

    @Test
    void theDocumentListFiltersByEntryThroughHtmxAndTheSameUrlIsAWholePage() throws Exception {
        String title = Register.unique("絞込文書");
        f.uploadPng(title);
        mvc.perform(get("/vault").with(as(f.manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-get=\"/vault\"")))
                .andExpect(content().string(containsString("hx-target=\"#vault-table\"")))
                .andExpect(content().string(containsString("hx-push-url=\"true\"")));
        String url = "/vault?assetId=" + f.assetId;
        mvc.perform(get(url).with(as(f.manager)).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("id=\"vault-table\"")))
                .andExpect(content().string(containsString(title)))
                .andExpect(content().string(containsString("/vault/assets/" + f.assetId + "/documents")));
        mvc.perform(get(url).with(as(f.manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("id=\"vault-filters\"")))
                .andExpect(content().string(containsString("value=\"" + f.assetId + "\"")))
                .andExpect(content().string(containsString(title)));
        // another entry's filter does not show this document
        long other = new VaultFixture(context).assetId;
        mvc.perform(get("/vault?assetId=" + other).with(as(f.manager)).header("HX-Request", "true"))
                .andExpect(content().string(not(containsString(title))));
    }

    @Test
    void theFilteredListIsRefusedToThoseWhoMayNotSeeTheEntrysDocuments() throws Exception {
        f.uploadPng(Register.unique("秘匿"));
        String url = "/vault?assetId=" + f.assetId;
        mvc.perform(get(url).with(as(f.outsider)).header("HX-Request", "true"))
                .andExpect(status().is(org.hamcrest.Matchers.greaterThanOrEqualTo(400)))
                .andExpect(content().string(not(containsString("id=\"vault-documents\""))));
        mvc.perform(get(url).with(as(f.outsider))).andExpect(status().is(org.hamcrest.Matchers.greaterThanOrEqualTo(400)));
        mvc.perform(get(url).header("HX-Request", "true")).andExpect(status().is(not(200)));
        mvc.perform(get(url)).andExpect(status().is(not(200)));
    }

    @Test
    void theCopyTrackersReturnFormsPostThroughHtmxAndSwapTheTable() throws Exception {
        CopyView copy = issue(f.uploadPng(Register.unique("回収")));
        String settle = "/vault/copies/" + copy.id() + "/settlement";
        mvc.perform(get("/vault/copies").with(as(f.manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-post=\"" + settle + "\"")))
                .andExpect(content().string(containsString("action=\"" + settle + "\"")))
                .andExpect(content().string(containsString("hx-target=\"#vault-table\"")));
        mvc.perform(get("/vault/copies").with(as(f.manager)).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("hx-post=\"" + settle + "\"")));

        // a successful htmx post sends the browser to the tracker (the same URL as a page)
        mvc.perform(post(settle).param("settledAs", "RETURNED").with(as(f.manager)).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().is2xxSuccessful())
                .andExpect(header().string("HX-Redirect", "/vault/copies"));
        assertThat(Register.as(f.manager, () -> vault.numberedCopies()).stream().filter(c -> c.id() == copy.id())
                .findFirst().orElseThrow().open()).isFalse();
        mvc.perform(get("/vault/copies").with(as(f.manager)))
                .andExpect(content().string(not(containsString("hx-post=\"" + settle + "\""))));
    }

    @Test
    void aReturnIsRefusedToThoseWhoDidNotIssueTheCopy() throws Exception {
        CopyView copy = issue(f.uploadPng(Register.unique("拒否")));
        String settle = "/vault/copies/" + copy.id() + "/settlement";
        // the recipient sees the copy but may not record its return; the outsider neither
        mvc.perform(get("/vault/copies").with(as(f.holder)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"vault-copy-" + copy.id() + "\"")));
        mvc.perform(post(settle).param("settledAs", "RETURNED").with(as(f.holder)).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post(settle).param("settledAs", "DESTROYED").with(as(f.outsider)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(settle).param("settledAs", "RETURNED").with(csrf()).header("HX-Request", "true"))
                .andExpect(status().is(not(200)));
        mvc.perform(get("/vault/copies").with(as(f.outsider)).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"vault-copy-" + copy.id() + "\""))));
        assertThat(Register.as(f.manager, () -> vault.numberedCopies()).stream().filter(c -> c.id() == copy.id())
                .findFirst().orElseThrow().open()).isTrue();
    }

    @Test
    void theDistributionFormPostsThroughHtmxAndBothFormsComeBackAsTheirFragmentWhenRefused() throws Exception {
        long id = f.uploadPng(Register.unique("配布"));
        String copies = "/vault/documents/" + id + "/copies";
        String disposal = "/vault/documents/" + id + "/disposal";
        mvc.perform(get("/vault/documents/{id}", id).with(as(f.manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-post=\"" + copies + "\"")))
                // disposal is a plain form, so that it asks for confirmation first (data-confirm); its post still answers htmx
                .andExpect(content().string(not(containsString("hx-post=\"" + disposal + "\""))))
                .andExpect(content().string(containsString("data-confirm=")))
                .andExpect(content().string(containsString("hx-target=\"this\"")));
        mvc.perform(post(copies).param("purpose", "会議").param("dueOn", LocalDate.now(Directory.JAPAN).plusDays(2).toString())
                        .param("recipients", "NO-SUCH-7").with(as(f.manager)).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("id=\"vault-distribute\"")))
                .andExpect(content().string(containsString("id=\"vault-copy-recipients-error\"")))
                .andExpect(content().string(not(containsString("id=\"vault-versions\""))));
        mvc.perform(post(disposal).param("reason", " ").with(as(f.manager)).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("id=\"vault-disposal-reason-error\"")));
        // the same posts without htmx answer the whole page
        mvc.perform(post(disposal).param("reason", " ").with(as(f.manager)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("id=\"vault-versions\"")));
        // refused to the holder (who may view but not dispose) and to anonymous callers
        mvc.perform(post(disposal).param("reason", "不要").with(as(f.holder)).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post(disposal).param("reason", "不要").with(csrf()).header("HX-Request", "true"))
                .andExpect(status().is(not(200)));
        mvc.perform(post(copies).param("purpose", "会議").param("dueOn", LocalDate.now(Directory.JAPAN).plusDays(2).toString())
                        .param("recipients", "X").with(as(f.outsider)).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(post(disposal).param("reason", "不要になった").with(as(f.manager)).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().is2xxSuccessful())
                .andExpect(header().string("HX-Redirect", "/vault/documents/" + id));
        assertThat(Register.as(f.manager, () -> vault.document(id)).disposed()).isTrue();
    }
}
