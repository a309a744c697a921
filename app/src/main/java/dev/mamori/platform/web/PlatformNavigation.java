package dev.mamori.platform.web;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mamori.platform.NavigationContributor;
import dev.mamori.platform.NavigationItem;
import dev.mamori.platform.Role;

/**
 * The platform's own pages in the navigation.
 */
@Component
class PlatformNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(
                new NavigationItem("dashboard", "platform.nav.dashboard", "/", 0, Set.of()),
                new NavigationItem("ledger", "platform.nav.ledger", "/ledger", 800,
                        Set.of(Role.AUDITOR, Role.CHIEF_OFFICER, Role.COMMITTEE)),
                new NavigationItem("account", "platform.nav.account", "/account", 900, Set.of()),
                new NavigationItem("users", "platform.nav.users", "/admin/users", 910, Set.of(Role.SYSTEM_ADMIN)));
    }
}
