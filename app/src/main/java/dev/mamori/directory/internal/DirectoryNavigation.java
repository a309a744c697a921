package dev.mamori.directory.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonStatus;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.DashboardCard;
import dev.mamori.platform.DashboardContributor;
import dev.mamori.platform.NavigationContributor;
import dev.mamori.platform.NavigationItem;
import dev.mamori.platform.Role;

/**
 * The directory's pages in the navigation and its counts on the dashboard.
 */
@Component
class DirectoryNavigation implements NavigationContributor, DashboardContributor {

    private final Directory directory;

    DirectoryNavigation(Directory directory) {
        this.directory = directory;
    }

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(
                new NavigationItem("departments", "directory.nav.departments", "/directory/departments", 100, Set.of()),
                new NavigationItem("people", "directory.nav.people", "/directory/people", 110, Set.of()),
                new NavigationItem("import", "directory.nav.import", "/directory/import", 120,
                        Set.of(Role.SYSTEM_ADMIN, Role.HR)));
    }

    @Override
    public List<DashboardCard> cards(CurrentUser viewer) {
        Map<PersonStatus, Long> counts = directory.countPeopleByStatus();
        return List.of(
                new DashboardCard("directory.dashboard.departments", directory.countActiveDepartments(),
                        "/directory/departments", 100),
                new DashboardCard("directory.dashboard.active", counts.get(PersonStatus.ACTIVE) + counts.get(PersonStatus.ON_LEAVE),
                        "/directory/people?status=ACTIVE", 110),
                new DashboardCard("directory.dashboard.prospective", counts.get(PersonStatus.PROSPECTIVE),
                        "/directory/people?status=PROSPECTIVE", 115),
                new DashboardCard("directory.dashboard.leaving", counts.get(PersonStatus.LEAVING),
                        "/directory/people?status=LEAVING", 120),
                new DashboardCard("directory.dashboard.left", counts.get(PersonStatus.LEFT),
                        "/directory/people?status=LEFT", 130));
    }
}
