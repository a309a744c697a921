package dev.mamori.inventory;

import static dev.mamori.inventory.Register.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.mamori.directory.Directory;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The register's service: every change lands in the ledger and is published as an event; the
 * lifecycle ends in a disposal record; designation, reclassification and declassification.
 */
@MamoriTest
@RecordApplicationEvents
class InventoryLifecycleTests {

    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired Ledger ledger;
    @Autowired TestUsers users;
    @Autowired ApplicationEvents events;

    Register reg;
    long dept;
    MamoriUserDetails manager;
    long asset;

    @BeforeEach
    void setUp() {
        reg = new Register(directory, inventory, users);
        dept = reg.department(null);
        manager = reg.manager(dept);
        asset = reg.asset(manager, dept, Register.unique("L") + " B200型成形機の温度条件");
    }

    List<String> actions() {
        return ledger.historyOf(Subject.of("asset", asset)).stream().map(LedgerEntry::action).toList();
    }

    @Test
    void registersWithTheReviewDateOneIntervalAheadAndRecordsIt() {
        AssetView v = as(manager, () -> inventory.asset(asset));
        assertThat(v.nextReviewOn()).isEqualTo(inventory.today().plusMonths(12));
        assertThat(v.forms()).extracting(FormEntry::form).containsExactly(AssetForm.DOCUMENT, AssetForm.ELECTRONIC);
        assertThat(actions()).containsExactly("inventory.asset.registered");
        assertThat(events.stream(AssetEvents.AssetRegistered.class)).anyMatch(e -> e.assetId() == asset);
    }

    @Test
    void refusesAStaleEditAndRecordsWhatChanged() {
        AssetView v = as(manager, () -> inventory.asset(asset));
        AssetDraft changed = new AssetDraft(v.name(), "新しい説明", dept, manager.personId(), AssetKind.TECHNICAL,
                AssetSubKind.MANUFACTURING_KNOWHOW, List.of(new FormEntry(AssetForm.KNOWHOW, "成形課 熟練者2名")),
                Origin.JOINT, "株式会社サンプル", "共同開発契約 第8条",
                new LegalRegimes(true, false, false, null, false, true, true, "株式会社サンプル"));
        as(manager, () -> {
            inventory.update(asset, changed, v.version());
            return null;
        });
        assertThatThrownBy(() -> as(manager, () -> {
            inventory.update(asset, changed, v.version());
            return null;
        })).isInstanceOf(ConflictException.class);
        AssetView after = as(manager, () -> inventory.asset(asset));
        assertThat(after.regimes().exportControlled()).isTrue();
        assertThat(after.originParty()).isEqualTo("株式会社サンプル");
        assertThat(events.stream(AssetEvents.AssetChanged.class)).anyMatch(e -> e.assetId() == asset
                && e.changedFields().containsAll(List.of("description", "kind", "forms", "origin", "regimes")));
    }

    @Test
    void refusesEntriesThatBreakTheRegisterRules() {
        AssetDraft noForms = new AssetDraft("X100の図面", null, dept, manager.personId(), AssetKind.TECHNICAL, null,
                List.of(), Origin.OWN, null, null, null);
        assertThatThrownBy(() -> as(manager, () -> inventory.register(noForms))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("inventory.asset.formRequired");
        AssetDraft received = new AssetDraft("X100の図面", null, dept, manager.personId(), AssetKind.TECHNICAL, null,
                List.of(new FormEntry(AssetForm.DOCUMENT, null)), Origin.RECEIVED, " ", null, null);
        assertThatThrownBy(() -> as(manager, () -> inventory.register(received)))
                .hasMessageContaining("inventory.asset.originPartyRequired");
        AssetDraft wrongSub = new AssetDraft("X100の図面", null, dept, manager.personId(), AssetKind.BUSINESS,
                AssetSubKind.DESIGN, List.of(new FormEntry(AssetForm.DOCUMENT, null)), Origin.OWN, null, null, null);
        assertThatThrownBy(() -> as(manager, () -> inventory.register(wrongSub)))
                .hasMessageContaining("inventory.asset.subKindMismatch");
    }

    @Test
    void goesThroughUseAndStorageToADisposalRecord() {
        MamoriUserDetails witness = reg.employee(dept);
        as(manager, () -> {
            inventory.moveStage(asset, Stage.IN_USE);
            inventory.moveStage(asset, Stage.STORED);
            return null;
        });
        Disposal disposal = new Disposal("溶解処理（業者立会い）", inventory.today(), manager.personId(), witness.personId());
        assertThatThrownBy(() -> as(manager, () -> {
            inventory.dispose(asset, disposal);
            return null;
        })).hasMessageContaining("inventory.lifecycle.markUnneededFirst");
        as(manager, () -> {
            inventory.markUnneeded(asset, "製品の販売終了により使用見込みなし");
            inventory.dispose(asset, disposal);
            return null;
        });
        AssetView v = as(manager, () -> inventory.asset(asset));
        assertThat(v.stage()).isEqualTo(Stage.DISPOSED);
        assertThat(v.disposal()).isEqualTo(disposal);
        assertThat(actions()).containsExactly("inventory.asset.registered", "inventory.asset.stageChanged",
                "inventory.asset.stageChanged", "inventory.asset.markedUnneeded", "inventory.asset.disposed");
        assertThatThrownBy(() -> as(manager, () -> {
            inventory.moveStage(asset, Stage.IN_USE);
            return null;
        })).hasMessageContaining("inventory.lifecycle.disposed");
    }

    @Test
    void designatesReclassifiesAndDeclassifiesWithReasons() {
        reg.designate(manager, asset, "CONFIDENTIAL", AccessHolder.department(dept));
        assertThat(as(manager, () -> inventory.asset(asset)).marking()).isEqualTo("社外秘");
        DesignationDraft up = new DesignationDraft("TOP_SECRET", List.of(AccessHolder.person(manager.personId()),
                AccessHolder.role("COMMITTEE")), LocalDate.now().plusYears(3), null, "極秘（開発部限り）", " ");
        assertThatThrownBy(() -> as(manager, () -> {
            inventory.designate(asset, up);
            return null;
        })).hasMessageContaining("inventory.designation.reasonRequired");
        as(manager, () -> {
            inventory.designate(asset, new DesignationDraft(up.levelId(), up.holders(), up.secretUntil(), null,
                    up.marking(), "量産技術として確立したため"));
            return null;
        });
        AssetView v = as(manager, () -> inventory.asset(asset));
        assertThat(v.levelId()).isEqualTo("TOP_SECRET");
        assertThat(v.marking()).isEqualTo("極秘（開発部限り）");
        assertThat(v.holders()).containsExactlyInAnyOrder(AccessHolder.person(manager.personId()), AccessHolder.role("COMMITTEE"));
        as(manager, () -> {
            inventory.declassify(asset, "特許公報の発行により公知");
            return null;
        });
        assertThat(as(manager, () -> inventory.asset(asset)).designated()).isFalse();
        assertThat(actions()).containsSubsequence("inventory.asset.designated", "inventory.asset.reclassified",
                "inventory.asset.declassified");
        assertThat(events.stream(AssetEvents.AssetReclassified.class))
                .anyMatch(e -> e.assetId() == asset && e.fromLevelId().equals("CONFIDENTIAL") && e.toLevelId().equals("TOP_SECRET"));
        assertThat(events.stream(AssetEvents.AssetDeclassified.class)).anyMatch(e -> e.assetId() == asset);
    }

    @Test
    void findsDesignationsWhoseSecrecyPeriodHasEnded() {
        LocalDate until = inventory.today().plusDays(10);
        as(manager, () -> {
            inventory.designate(asset, new DesignationDraft("CONFIDENTIAL", List.of(AccessHolder.department(dept)), until,
                    null, null, null));
            return null;
        });
        String name = as(manager, () -> inventory.asset(asset)).name();
        java.util.function.Function<LocalDate, List<Long>> endedBy = date -> as(manager, () -> inventory.search(
                new AssetQuery(name, null, null, null, null, null, null, null, date), 0, 10)).assets().stream()
                .map(AssetView::id).toList();
        assertThat(endedBy.apply(until.minusDays(1))).isEmpty();
        assertThat(endedBy.apply(until)).containsExactly(asset);
    }

    @Test
    void refusesADesignationWithoutHoldersOrPeriod() {
        assertThatThrownBy(() -> as(manager, () -> {
            inventory.designate(asset, new DesignationDraft("CONFIDENTIAL", List.of(), null, "公開まで", null, null));
            return null;
        })).hasMessageContaining("holdersRequired");
        assertThatThrownBy(() -> as(manager, () -> {
            inventory.designate(asset, new DesignationDraft("CONFIDENTIAL", List.of(AccessHolder.department(dept)), null,
                    null, null, null));
            return null;
        })).hasMessageContaining("periodRequired");
        assertThatThrownBy(() -> as(manager, () -> {
            inventory.designate(asset, new DesignationDraft("NO_SUCH_LEVEL", List.of(AccessHolder.department(dept)), null,
                    "公開まで", null, null));
            return null;
        })).hasMessageContaining("levelUnknown");
    }
}
