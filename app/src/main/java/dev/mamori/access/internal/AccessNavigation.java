package dev.mamori.access.internal;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mamori.platform.NavigationContributor;
import dev.mamori.platform.NavigationItem;
import dev.mamori.platform.Role;

/** The access pages in the navigation: requests and approvals for everyone, reviews for managers. */
@Component
class AccessNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(
                new NavigationItem("accessGrants", "access.nav.grants", "/access/grants", 540, Set.of()),
                new NavigationItem("accessRequests", "access.nav.requests", "/access/requests", 545, Set.of()),
                new NavigationItem("accessInbox", "access.nav.inbox", "/access/inbox", 550,
                        Set.of(Role.MANAGER, Role.CHIEF_OFFICER, Role.EMPLOYEE)),
                new NavigationItem("accessReviews", "access.nav.reviews", "/access/reviews", 555,
                        Set.of(Role.MANAGER, Role.CHIEF_OFFICER)));
    }
}
