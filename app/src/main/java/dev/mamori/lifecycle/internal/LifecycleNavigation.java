package dev.mamori.lifecycle.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mamori.lifecycle.Hires;
import dev.mamori.lifecycle.LeaverSummary;
import dev.mamori.lifecycle.Lifecycle;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.DashboardCard;
import dev.mamori.platform.DashboardContributor;
import dev.mamori.platform.NavigationContributor;
import dev.mamori.platform.NavigationItem;
import dev.mamori.platform.Role;
import dev.mamori.platform.Task;
import dev.mamori.platform.TaskContributor;

/**
 * The leaver dashboard, the lent register and the hires in the navigation; on the dashboard the open leaver
 * checklists; tasks: a leaver's checklist with steps pending (HR: every leaver, 管理責任者: their departments'),
 * high when a step is overdue, and the periodic check of a competitor hire's work.
 */
@Component
class LifecycleNavigation implements NavigationContributor, DashboardContributor, TaskContributor {

    static final Set<Role> LEAVER_READERS = Set.of(Role.HR, Role.MANAGER, Role.CHIEF_OFFICER, Role.AUDITOR,
            Role.IT_SECURITY);
    static final Set<Role> HIRE_READERS = Set.of(Role.HR, Role.LEGAL, Role.CHIEF_OFFICER, Role.MANAGER);

    private final Lifecycle lifecycle;
    private final Hires hires;

    LifecycleNavigation(Lifecycle lifecycle, Hires hires) {
        this.lifecycle = lifecycle;
        this.hires = hires;
    }

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("lifecycle-leavers", "lifecycle.nav.leavers", "/lifecycle/leavers", 600, LEAVER_READERS),
                new NavigationItem("lifecycle-equipment", "lifecycle.nav.equipment", "/lifecycle/equipment", 605, LEAVER_READERS),
                new NavigationItem("lifecycle-hires", "lifecycle.nav.hires", "/lifecycle/hires", 610, HIRE_READERS));
    }

    @Override
    public List<DashboardCard> cards(CurrentUser viewer) {
        if (LEAVER_READERS.stream().noneMatch(viewer::has)) {
            return List.of();
        }
        List<LeaverSummary> open = lifecycle.leavers(true);
        long overdue = open.stream().filter(s -> s.overdue() > 0).count();
        return List.of(new DashboardCard("lifecycle.dashboard.open", open.size(), "/lifecycle/leavers", 600,
                "lifecycle.dashboard.overdue", List.of(overdue)));
    }

    @Override
    public List<Task> tasksFor(CurrentUser user) {
        List<Task> tasks = new ArrayList<>();
        for (LeaverSummary s : lifecycle.workFor(user)) {
            tasks.add(new Task("lifecycle", s.overdue() > 0 ? "leaver-overdue" : "leaver",
                    s.overdue() > 0 ? "lifecycle.task.leaverOverdue" : "lifecycle.task.leaver",
                    List.of(s.name(), s.total() - s.settled(), s.overdue()), "/lifecycle/leavers/" + s.personId(),
                    s.nextDue(), s.overdue() > 0 ? Task.Priority.HIGH : Task.Priority.NORMAL));
        }
        var today = lifecycle.today();
        for (var h : hires.checksDueFor(user)) {
            tasks.add(new Task("lifecycle", "hire-check", "lifecycle.task.hireCheck", List.of(h.name(), h.previousEmployer()),
                    "/lifecycle/hires/" + h.id(), h.nextCheckDue(),
                    h.checkOverdue(today) ? Task.Priority.HIGH : Task.Priority.NORMAL));
        }
        return tasks;
    }
}
