package dev.mamori.measure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.DashboardCard;
import dev.mamori.platform.DashboardContributor;
import dev.mamori.platform.NavigationContributor;
import dev.mamori.platform.NavigationItem;
import dev.mamori.platform.Role;
import dev.mamori.platform.Task;
import dev.mamori.platform.TaskContributor;

/**
 * The catalog for everyone in the navigation, the selection board and coverage for the roles that read them;
 * on the dashboard the measures in place of those selected; tasks for selections past their due date or their
 * review, to the owner and to CHIEF_OFFICER/COMMITTEE.
 */
@Component
class MeasureNavigation implements NavigationContributor, DashboardContributor, TaskContributor {

    private static final Set<Role> READERS = Set.of(Role.CHIEF_OFFICER, Role.COMMITTEE, Role.MANAGER, Role.IT_SECURITY,
            Role.HR, Role.LEGAL, Role.AUDITOR);

    private static final Set<Role> READINESS_READERS = Set.of(Role.CHIEF_OFFICER, Role.COMMITTEE, Role.LEGAL,
            Role.AUDITOR, Role.MANAGER);

    private final MeasureService service;

    MeasureNavigation(MeasureService service) {
        this.service = service;
    }

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("measures", "measure.nav.catalog", "/measures", 400, Set.of()),
                new NavigationItem("measure-selections", "measure.nav.selections", "/measures/selections", 405, READERS),
                new NavigationItem("measure-coverage", "measure.nav.coverage", "/measures/coverage", 410, READERS),
                new NavigationItem("measure-readiness", "measure.nav.readiness", "/measures/readiness", 415,
                        READINESS_READERS),
                new NavigationItem("measure-start", "measure.nav.start", "/measures/start", 420,
                        Set.of(Role.CHIEF_OFFICER, Role.COMMITTEE)));
    }

    @Override
    public List<DashboardCard> cards(CurrentUser viewer) {
        if (READERS.stream().noneMatch(viewer::has)) {
            return List.of();
        }
        long[] counts = service.inPlaceAndSelected();
        return List.of(new DashboardCard("measure.dashboard.inPlace", counts[0], "/measures/selections", 400,
                "measure.dashboard.ofSelected", List.of(counts[1])));
    }

    @Override
    public List<Task> tasksFor(CurrentUser user) {
        var today = service.today();
        var candidates = user.hasAny(Role.CHIEF_OFFICER, Role.COMMITTEE) ? service.allUnchecked()
                : user.personId() == null ? List.<dev.mamori.measure.Selection>of() : service.ownedBy(user.personId());
        List<Task> tasks = new ArrayList<>();
        for (var s : candidates) {
            String href = "/measures/selections/" + s.id();
            if (s.overdue(today)) {
                tasks.add(new Task("measure", "past-due", "measure.task.pastDue", List.of(s.measure().title(user.locale())), href,
                        s.dueDate(), Task.Priority.HIGH));
            } else if (s.reviewOverdue(today)) {
                tasks.add(new Task("measure", "review-due", "measure.task.reviewDue", List.of(s.measure().title(user.locale())), href,
                        s.nextReview(), Task.Priority.NORMAL));
            }
        }
        return tasks;
    }
}
