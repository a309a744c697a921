package dev.mamori.policy.internal;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mamori.platform.NavigationContributor;
import dev.mamori.platform.NavigationItem;

/** The scheme and the standard in the navigation, for every signed-in user. */
@Component
class PolicyNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("policy-levels", "policy.nav.levels", "/policy/levels", 300, Set.of()),
                new NavigationItem("policy-standard", "policy.nav.standard", "/policy/standard", 305, Set.of()));
    }
}
