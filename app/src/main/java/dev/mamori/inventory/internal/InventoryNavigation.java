package dev.mamori.inventory.internal;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mamori.inventory.Inventory;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.DashboardCard;
import dev.mamori.platform.DashboardContributor;
import dev.mamori.platform.NavigationContributor;
import dev.mamori.platform.NavigationItem;
import dev.mamori.platform.Role;

/**
 * The register in the navigation, and on the dashboard the entries the viewer sees and those overdue
 * for review (both counted with the viewer's visibility).
 */
@Component
class InventoryNavigation implements NavigationContributor, DashboardContributor {

    private final Inventory inventory;

    InventoryNavigation(Inventory inventory) {
        this.inventory = inventory;
    }

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("assets", "inventory.nav.assets", "/inventory/assets", 200, Set.of()),
                new NavigationItem("evaluations", "inventory.nav.evaluations", "/inventory/evaluations", 205, Set.of()),
                new NavigationItem("chart", "inventory.nav.chart", "/inventory/chart", 206, Set.of()),
                new NavigationItem("assetImport", "inventory.nav.import", "/inventory/import", 215,
                        Set.of(Role.SYSTEM_ADMIN, Role.CHIEF_OFFICER, Role.COMMITTEE, Role.MANAGER)),
                new NavigationItem("declarations", "inventory.nav.declarations", "/inventory/declarations", 210, Set.of()));
    }

    @Override
    public List<DashboardCard> cards(CurrentUser viewer) {
        return List.of(
                new DashboardCard("inventory.dashboard.visible", inventory.countVisible(), "/inventory/assets", 200),
                new DashboardCard("inventory.dashboard.reviewOverdue", inventory.countReviewOverdue(),
                        "/inventory/assets?reviewDue=true", 210),
                new DashboardCard("inventory.dashboard.secrecyEnded", inventory.countSecrecyEnded(),
                        "/inventory/assets?secrecyEnded=true", 220));
    }
}
