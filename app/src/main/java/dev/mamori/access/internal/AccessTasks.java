package dev.mamori.access.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.mamori.access.Access;
import dev.mamori.access.ReviewItem;
import dev.mamori.directory.Directory;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.Task;
import dev.mamori.platform.TaskContributor;

/**
 * The access work of one person: as 管理責任者, the reviews of their entries' grants due within 30 days or
 * overdue, and grants flagged by a transfer or a notice of leaving; as approver (or delegate), the pending
 * requests in their inbox.
 */
@Component
class AccessTasks implements TaskContributor {

    static final int DUE_SOON_DAYS = 30;

    private final Access access;
    private final Clock clock;

    AccessTasks(Access access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @Override
    public List<Task> tasksFor(CurrentUser user) {
        if (user.personId() == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(Directory.JAPAN));
        List<Task> tasks = new ArrayList<>();
        for (ReviewItem r : access.reviewsFor(user)) {
            if (r.flagged() > 0) {
                tasks.add(new Task("access", "grants-flagged", "access.task.flagged", List.of(r.assetName(), r.flagged()),
                        "/access/reviews#access-review-" + r.assetId(), today, Task.Priority.HIGH));
            } else if (!r.due().isAfter(today.plusDays(DUE_SOON_DAYS))) {
                tasks.add(new Task("access", "review-due", r.overdue() ? "access.task.reviewOverdue" : "access.task.reviewDue",
                        List.of(r.assetName()), "/access/reviews#access-review-" + r.assetId(), r.due(),
                        r.overdue() ? Task.Priority.HIGH : Task.Priority.NORMAL));
            }
        }
        int pending = access.inboxFor(user).size();
        if (pending > 0) {
            tasks.add(new Task("access", "approvals", "access.task.approvals", List.of(pending), "/access/inbox", null,
                    Task.Priority.NORMAL));
        }
        return tasks;
    }
}
