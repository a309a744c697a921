package dev.mamori.vault.web;

import static dev.mamori.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import dev.mamori.access.Access;
import dev.mamori.access.AccessLevel;
import dev.mamori.access.GrantDraft;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.vault.CopyKind;
import dev.mamori.vault.CopyView;
import dev.mamori.vault.Vault;
import dev.mamori.vault.VaultFixture;

/**
 * A need-to-know grant holder who does not see the 極秘 entry in the register (not named in its designation, not
 * its 管理責任者) still opens the documents the grant is for: the document page, the entry's documents and the
 * viewer, which issues a marked copy recorded in the viewing record and the ledger.
 */
@MamoriTest
class VaultGrantHolderTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Vault vault;
    @Autowired Ledger ledger;
    @Autowired Access access;
    @Autowired Inventory inventory;

    VaultFixture f;
    MamoriUserDetails grantee;
    long id;

    @BeforeEach
    void fixture() {
        f = new VaultFixture(context);
        grantee = f.colleague("付与 五郎");
        Register.as(f.manager, () -> access.grant(new GrantDraft(f.assetId, AccessHolder.person(grantee.personId()),
                AccessLevel.VIEW, "設計審査に参加", null, null)));
        id = f.uploadPdf("審査用の図面");
    }

    @Test
    void aGrantHolderWhoCannotSeeTheEntryInTheRegisterOpensItsDocumentsAndTheViewer() throws Exception {
        // the premise: the register does not show them the entry
        assertThat(Register.as(grantee, () -> inventory.findAsset(f.assetId))).isEmpty();
        assertThat(Register.as(f.manager, () -> inventory.findAsset(f.assetId))).isPresent();

        mvc.perform(get("/vault/documents/{id}", id).with(as(grantee)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("審査用の図面")));
        mvc.perform(get("/vault/assets/{a}/documents", f.assetId).with(as(grantee)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("審査用の図面")));
        mvc.perform(get("/vault").param("assetId", String.valueOf(f.assetId)).with(as(grantee)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("審査用の図面")));
        mvc.perform(get("/vault/documents/{id}/viewer", id).with(as(grantee)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"vault-viewer-recorded\"")))
                .andExpect(content().string(containsString("/viewer/pages/1?copy=")));

        List<CopyView> records = Register.as(f.manager, () -> vault.records(id));
        assertThat(records).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CopyKind.VIEW);
            assertThat(c.personId()).isEqualTo(grantee.personId());
            assertThat(c.marked()).isTrue();
        });
        assertThat(ledger.historyOf(Subject.of("vault-document", id))).extracting(LedgerEntry::action)
                .contains("vault.document.viewed");
    }

    @Test
    void theEntrysDocumentsPageIsTitledWithItsNameOrAsUndisclosedForWhomTheRegisterHidesIt() throws Exception {
        String name = Register.as(f.manager, () -> inventory.findAsset(f.assetId)).orElseThrow().name();
        mvc.perform(get("/vault/assets/{a}/documents", f.assetId).with(as(f.manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>" + name + "の秘密文書</h1>")));
        mvc.perform(get("/vault/assets/{a}/documents", f.assetId).with(as(grantee)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>非開示の情報（No." + f.assetId + "）の秘密文書</h1>")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(name))));
    }

    @Test
    void someoneWithoutAGrantStillLearnsNothing() throws Exception {
        mvc.perform(get("/vault/documents/{id}", id).with(as(f.outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/vault/documents/{id}/viewer", id).with(as(f.outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/vault/assets/{a}/documents", f.assetId).with(as(f.outsider))).andExpect(status().isNotFound());
        assertThat(Register.as(f.outsider, () -> inventory.findAsset(f.assetId))).isEmpty();
        assertThat(Register.as(f.manager, () -> inventory.findAsset(Long.MAX_VALUE))).isEmpty();
    }
}
