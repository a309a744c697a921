package dev.mamori.vault.web;

import static dev.mamori.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.Register;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.vault.CopyView;
import dev.mamori.vault.DistributionDraft;
import dev.mamori.vault.Upload;
import dev.mamori.vault.Vault;
import dev.mamori.vault.VaultFixture;

/**
 * Pages offer only the controls the service would carry out for the caller: the distribution form to those who may
 * distribute, a numbered copy's download to its recipient and issuer, the record of its return to its issuer and
 * the entry's 管理責任者. The auditor and the 統括責任者 see a read-only tracker; the actions stay refused to them.
 */
@MamoriTest
class VaultControlsTests {

    static final byte[] PNG = dev.mamori.vault.internal.marking.SampleFiles.image("png", 1, 1);

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Vault vault;

    VaultFixture f;
    MamoriUserDetails auditor;
    MamoriUserDetails chief;
    long id;
    CopyView copy;

    @BeforeEach
    void fixture() {
        f = new VaultFixture(context);
        auditor = f.colleague("監査 九子", Role.AUDITOR);
        chief = f.colleague("統括 十郎", Role.CHIEF_OFFICER);
        id = Register.as(f.manager, () -> vault.create(f.assetId, "審査資料", new Upload("図.png", "image/png", PNG))).id();
        copy = Register.as(f.manager, () -> vault.distribute(id, new DistributionDraft("設計審査会",
                LocalDate.now(Directory.JAPAN).plusDays(3), List.of(f.holder.personId())))).get(0);
    }

    ResultActions tracker(MamoriUserDetails user) throws Exception {
        return mvc.perform(get("/vault/copies").with(as(user))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"vault-copy-" + copy.id() + "\"")));
    }

    @Test
    void theDistributionFormIsOnlyForThoseWhoMayDistribute() throws Exception {
        mvc.perform(get("/vault/documents/{id}", id).with(as(f.manager)))
                .andExpect(content().string(containsString("id=\"vault-distribute\"")));
        for (MamoriUserDetails user : List.of(auditor, f.holder)) {
            mvc.perform(get("/vault/documents/{id}", id).with(as(user)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("id=\"vault-distribute\""))))
                    .andExpect(content().string(not(containsString("/vault/documents/" + id + "/copies"))));
            mvc.perform(post("/vault/documents/{id}/copies", id).param("purpose", "会議")
                            .param("dueOn", LocalDate.now(Directory.JAPAN).plusDays(2).toString()).param("recipients", "X")
                            .with(as(user)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void theTrackerOffersTheDownloadAndTheRecordOfReturnOnlyToThoseWhoMayUseThem() throws Exception {
        String file = "href=\"/vault/copies/" + copy.id() + "/file\"";
        String settle = "id=\"vault-settle-" + copy.id() + "\"";
        // the issuer (the manager): both
        tracker(f.manager).andExpect(content().string(containsString(file))).andExpect(content().string(containsString(settle)));
        // the recipient: the download, not the record of return
        tracker(f.holder).andExpect(content().string(containsString(file))).andExpect(content().string(not(containsString(settle))));
        // auditor and chief: neither
        for (MamoriUserDetails user : List.of(auditor, chief)) {
            tracker(user).andExpect(content().string(not(containsString(file))))
                    .andExpect(content().string(not(containsString(settle))));
            mvc.perform(get("/vault/copies/{id}/file", copy.id()).with(as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/vault/copies/{id}/settlement", copy.id()).param("settledAs", "RETURNED").with(as(user)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/vault/copies/{id}/settlement", copy.id()).param("settledAs", "RETURNED").with(as(f.holder)).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
