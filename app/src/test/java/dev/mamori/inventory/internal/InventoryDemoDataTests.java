package dev.mamori.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mamori.directory.Directory;
import dev.mamori.inventory.AssetQuery;
import dev.mamori.inventory.AssetView;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Register;
import dev.mamori.inventory.Stage;
import dev.mamori.platform.Role;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The demo register: entries at every stage in departments that have a 管理責任者.
 */
@MamoriTest
class InventoryDemoDataTests {

    @Autowired Directory directory;
    @Autowired Inventory inventory;
    @Autowired TestUsers users;
    @Autowired InventoryDemoData demo;

    List<AssetView> named(String name) {
        var auditor = users.create(Role.AUDITOR);
        return Register.as(auditor, () -> inventory.search(new AssetQuery(name, null, null, null, null, null, null), 0, 200))
                .assets();
    }

    @Test
    void loadsEntriesAtEveryStageIntoDepartmentsWithAManager() {
        Register reg = new Register(directory, inventory, users);
        long dept = reg.department(null);
        reg.assignManager(dept, reg.person(dept));
        assertThat(demo.order()).isEqualTo(200);
        demo.load();
        assertThat(named("A100型ポンプの設計図面と公差設定")).anyMatch(a -> "TOP_SECRET".equals(a.levelId()));
        assertThat(named("旧型ポンプC50の設計資料")).anyMatch(a -> a.stage() == Stage.DISPOSED && a.disposal() != null);
        assertThat(named("公知となった旧型継手の寸法表")).anyMatch(a -> !a.designated());
        assertThat(named("来期の販売計画と値上げ方針")).anyMatch(a -> "TOP_SECRET".equals(a.levelId()));
        assertThat(named("廃番品D10の作業手順書")).anyMatch(a -> a.unneeded() && a.stage() != Stage.DISPOSED);
        assertThat(named("特許出願予定の冷却構造のアイデア")).anyMatch(a -> "特許出願の公開まで".equals(a.secretUntilEvent()));
        assertThat(named("来客受付簿")).anyMatch(a -> !a.designated() && a.stage() == Stage.CREATED);
    }
}
