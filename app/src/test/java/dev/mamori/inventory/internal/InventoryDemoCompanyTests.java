package dev.mamori.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.mamori.inventory.AssetQuery;
import dev.mamori.inventory.AssetView;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Stage;
import dev.mamori.platform.Role;
import dev.mamori.support.TestUsers;

/**
 * With the demo company (its own database, shared with the directory's demo test) the register holds
 * about 60 entries spread over the departments, at every stage.
 */
@SpringBootTest(properties = {"mamori.demo=true", "mamori.db.embedded-database=demo_test"})
@Import(TestUsers.class)
class InventoryDemoCompanyTests {

    @Autowired Inventory inventory;
    @Autowired TestUsers users;

    @BeforeEach
    void signInAsAuditor() {
        var auditor = users.create(Role.AUDITOR);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(auditor, null, auditor.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theDemoRegisterSpreadsOverTheDepartmentsAtEveryStage() {
        List<AssetView> all = inventory.search(AssetQuery.all(), 0, 200).assets();
        assertThat(all).hasSizeBetween(55, 65);
        assertThat(all.stream().map(AssetView::departmentId).distinct().count()).isGreaterThanOrEqualTo(8);
        assertThat(all).anyMatch(a -> a.name().equals("射出成形の温度・圧力条件") && a.departmentName().contains("工場")
                || a.name().equals("射出成形の温度・圧力条件") && a.departmentName().contains("製造"));
        assertThat(all).anyMatch(a -> a.name().startsWith("A100型") && a.departmentName().equals("設計部"));
        assertThat(all).extracting(AssetView::stage).contains(Stage.CREATED, Stage.IN_USE, Stage.STORED, Stage.DISPOSED);
        assertThat(all).extracting(AssetView::levelId).contains("TOP_SECRET", "CONFIDENTIAL", null);
        assertThat(all).anyMatch(a -> a.unneeded() && !a.disposed());
        assertThat(inventory.declarations()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(inventory.countReviewOverdue()).isPositive();
    }
}
