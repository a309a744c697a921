package dev.mamori.agreement.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.NavigationContributor;
import dev.mamori.platform.NavigationItem;
import dev.mamori.platform.Role;
import dev.mamori.platform.Task;
import dev.mamori.platform.TaskContributor;

/**
 * "My pledges", templates and training for everyone, the register and the non-compete check for the roles
 * that use them; tasks: pledges to sign and trainings to take, and for HR the pledges escalated to them.
 */
@Component
class AgreementNavigation implements NavigationContributor, TaskContributor {

    static final Set<Role> REGISTER = Set.of(Role.HR, Role.CHIEF_OFFICER, Role.COMMITTEE, Role.LEGAL, Role.AUDITOR,
            Role.MANAGER);
    static final Set<Role> NON_COMPETE = Set.of(Role.HR, Role.LEGAL, Role.CHIEF_OFFICER, Role.COMMITTEE, Role.MANAGER);

    private final PledgeService pledges;
    private final Training training;

    AgreementNavigation(PledgeService pledges, Training training) {
        this.pledges = pledges;
        this.training = training;
    }

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("agreement-mine", "agreement.nav.mine", "/agreements/mine", 500, Set.of()),
                new NavigationItem("agreement-register", "agreement.nav.register", "/agreements", 505, REGISTER),
                new NavigationItem("agreement-templates", "agreement.nav.templates", "/agreements/templates", 510, Set.of()),
                new NavigationItem("agreement-noncompete", "agreement.nav.nonCompete", "/agreements/non-compete", 515,
                        NON_COMPETE),
                new NavigationItem("training", "agreement.nav.training", "/training", 520, Set.of()));
    }

    @Override
    public List<Task> tasksFor(CurrentUser user) {
        List<Task> tasks = new ArrayList<>();
        LocalDate today = pledges.today();
        if (user.personId() != null) {
            for (Pledge p : pledges.pendingOf(user.personId())) {
                tasks.add(new Task("agreement", "sign-pledge", "agreement.task.sign", List.of(p.title()),
                        "/agreements/pledges/" + p.id(), p.dueOn(), p.overdue(today) ? Task.Priority.HIGH : Task.Priority.NORMAL));
            }
            for (Assignment a : training.openOf(user.personId())) {
                tasks.add(new Task("agreement", "training", "agreement.task.training", List.of(a.courseTitle()),
                        "/training/" + a.courseId(), a.dueOn(), a.overdue(today) ? Task.Priority.HIGH : Task.Priority.NORMAL));
            }
        }
        if (user.has(Role.HR)) {
            long escalated = pledges.countEscalated();
            if (escalated > 0) {
                tasks.add(new Task("agreement", "escalated", "agreement.task.escalated", List.of(escalated),
                        "/agreements?state=PENDING", null, Task.Priority.HIGH));
            }
        }
        return tasks;
    }
}
