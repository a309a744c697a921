package dev.mamori.policy.internal;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mamori.platform.NavigationContributor;
import dev.mamori.platform.NavigationItem;
import dev.mamori.platform.Role;

/** The departments' exceptions in the navigation, for those who ask, decide or audit them. */
@Component
class ExceptionNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("policy-exceptions", "policy.nav.exceptions", "/policy/exceptions", 306,
                Set.of(Role.MANAGER, Role.CHIEF_OFFICER, Role.COMMITTEE, Role.AUDITOR)));
    }
}
