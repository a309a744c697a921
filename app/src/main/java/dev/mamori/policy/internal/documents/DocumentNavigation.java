package dev.mamori.policy.internal.documents;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mamori.platform.NavigationContributor;
import dev.mamori.platform.NavigationItem;
import dev.mamori.platform.Role;

/** The regulations for everyone; acknowledgement progress for those who follow it. */
@Component
class DocumentNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("policy-documents", "policy.nav.documents", "/policy/documents", 310, Set.of()),
                new NavigationItem("policy-acknowledgements", "policy.nav.acknowledgements", "/policy/acknowledgements",
                        315, Set.of(Role.CHIEF_OFFICER, Role.COMMITTEE, Role.HR, Role.MANAGER)));
    }
}
