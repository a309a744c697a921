package dev.mamori.vault.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.Register;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;
import dev.mamori.vault.CopyView;
import dev.mamori.vault.DistributionDraft;
import dev.mamori.vault.Vault;
import dev.mamori.vault.VaultFixture;

/**
 * Disposal (crypto-shredding every version, irreversible) asks for confirmation, naming the numbered copies still
 * out, which the page also shows; afterwards the copy tracker offers no download of those copies but says the
 * document was disposed of.
 */
@MamoriTest
class VaultDisposalPagesTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Vault vault;
    @Autowired TestUsers users;

    VaultFixture f;

    @BeforeEach
    void fixture() {
        f = new VaultFixture(context);
    }

    CopyView issueToHolder(long id) {
        return Register.as(f.manager, () -> vault.distribute(id, new DistributionDraft("設計審査会",
                LocalDate.now(Directory.JAPAN).plusDays(3), List.of(f.holder.personId())))).get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ja", "en"})
    void disposalAsksForConfirmationAndNamesTheCopiesStillOut(String lang) throws Exception {
        MamoriUserDetails manager = users.inLanguage(f.manager, Locale.forLanguageTag(lang));
        long quiet = f.uploadPng("配布なし");
        mvc.perform(get("/vault/documents/{id}", quiet).with(as(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-confirm=\"" + f.text("vault.disposal.confirm", lang, "配布なし") + "\"")))
                .andExpect(content().string(not(containsString("id=\"vault-dispose-outstanding\""))));
        long id = f.uploadPng("配布あり");
        issueToHolder(id);
        issueToHolder(id);
        mvc.perform(get("/vault/documents/{id}", id).with(as(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-confirm=\""
                        + f.text("vault.disposal.confirmOutstanding", lang, "配布あり", 2) + "\"")))
                .andExpect(content().string(containsString(f.text("vault.disposal.outstanding", lang, 2))));
        // a copy recorded as returned is no longer out
        CopyView back = Register.as(f.manager, () -> vault.numberedCopies()).stream().filter(c -> c.documentId() == id)
                .findFirst().orElseThrow();
        Register.as(f.manager, () -> vault.settle(back.id(), dev.mamori.vault.Settlement.RETURNED, null));
        assertThat(Register.as(f.manager, () -> vault.outstandingCopies(id))).isEqualTo(1);
    }

    @Test
    void afterDisposalTheTrackerOffersNoDownloadOfItsCopies() throws Exception {
        long id = f.uploadPng("廃棄される資料");
        CopyView copy = issueToHolder(id);
        String file = "/vault/copies/" + copy.id() + "/file";
        for (MamoriUserDetails user : List.of(f.holder, f.manager)) {
            mvc.perform(get("/vault/copies").with(as(user))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("href=\"" + file + "\"")));
        }
        mvc.perform(post("/vault/documents/{id}/disposal", id).param("reason", "会議中止").with(as(f.manager)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        for (MamoriUserDetails user : List.of(f.holder, f.manager)) {
            mvc.perform(get("/vault/copies").with(as(user))).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("href=\"" + file + "\""))))
                    .andExpect(content().string(containsString("id=\"vault-copy-disposed-" + copy.id() + "\"")))
                    .andExpect(content().string(containsString(f.text("vault.copy.documentDisposed", "ja"))));
        }
        // and the file itself stays refused
        mvc.perform(get(file).with(as(f.holder))).andExpect(status().isConflict());
    }
}
