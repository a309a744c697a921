package dev.mamori.inventory.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.mamori.directory.Directory;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.Role;
import dev.mamori.platform.Task;
import dev.mamori.platform.Task.Priority;
import dev.mamori.platform.TaskContributor;
import dev.mamori.policy.LevelChangeProposal;
import dev.mamori.policy.Policy;

/**
 * The register's work for one person. A MANAGER gets, for the visible entries of the departments they
 * manage (with sub-departments), the evaluations due for review and the declarations waiting for an
 * answer; the 管理責任者 of an entry gets its secrecy period ending or ended (to renew or declassify) and the
 * review of its level when the scheme merges that level away; the 統括責任者 gets the declarations left
 * unanswered for twice the reminder period across the organisation.
 */
@Component
class InventoryTasks implements TaskContributor {

    /** How far ahead a review or the end of a secrecy period shows as a task. */
    static final int DUE_SOON_DAYS = 30;

    private static final String MODULE = "inventory";

    private final WorkRepository work;
    private final Viewers viewers;
    private final Policy policy;
    private final InventoryProperties properties;
    private final Clock clock;

    InventoryTasks(WorkRepository work, Viewers viewers, Policy policy, InventoryProperties properties, Clock clock) {
        this.work = work;
        this.viewers = viewers;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public List<Task> tasksFor(CurrentUser user) {
        LocalDate today = LocalDate.now(clock.withZone(Directory.JAPAN));
        Viewer viewer = viewers.of(user);
        List<Task> tasks = new ArrayList<>();
        for (WorkRepository.Due d : work.reviewsDue(viewer, today.plusDays(DUE_SOON_DAYS))) {
            boolean overdue = d.due().isBefore(today);
            tasks.add(new Task(MODULE, "review-due", overdue ? "inventory.task.reviewOverdue" : "inventory.task.reviewDue",
                    List.of(d.name()), "/inventory/assets/" + d.assetId() + "/evaluation", d.due(),
                    overdue ? Priority.HIGH : Priority.NORMAL));
        }
        for (WorkRepository.OpenDeclaration d : work.openDeclarations(viewer.managedDepartments())) {
            tasks.add(new Task(MODULE, "declaration", "inventory.task.declaration", List.of(d.title()),
                    "/inventory/declarations#inventory-declaration-" + d.id(),
                    d.declaredOn().plusDays(properties.declarationReminderDays()), Priority.NORMAL));
        }
        if (user.personId() != null) {
            for (WorkRepository.Due d : work.secrecyEnding(user.personId(), today.plusDays(DUE_SOON_DAYS))) {
                boolean ended = d.due().isBefore(today);
                tasks.add(new Task(MODULE, "secrecy-ending",
                        ended ? "inventory.task.secrecyEnded" : "inventory.task.secrecyEnding", List.of(d.name()),
                        "/inventory/assets/" + d.assetId() + "#inventory-designation", d.due(),
                        ended ? Priority.HIGH : Priority.NORMAL));
            }
            Map<String, LevelChangeProposal> merging = policy.levelChanges().stream().filter(LevelChangeProposal::open)
                    .collect(Collectors.toMap(LevelChangeProposal::fromCode, Function.identity(), (a, b) -> a));
            for (WorkRepository.Due d : work.atLevelsFor(user.personId(), merging.keySet())) {
                LevelChangeProposal change = merging.get(d.levelId());
                tasks.add(new Task(MODULE, "level-review", "inventory.task.levelReview", List.of(d.name()),
                        "/inventory/assets/" + d.assetId() + "/level-review", change.reviewBy(), Priority.HIGH));
            }
        }
        if (user.has(Role.CHIEF_OFFICER)) {
            long late = work.countOpenDeclarationsSince(today.minusDays(2L * properties.declarationReminderDays()));
            if (late > 0) {
                tasks.add(new Task(MODULE, "declarations-late", "inventory.task.declarationsLate", List.of(late),
                        "/inventory/declarations", null, Priority.NORMAL));
            }
        }
        return tasks;
    }
}
