package dev.mamori.platform.web;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.DashboardCard;
import dev.mamori.platform.DashboardContributor;
import dev.mamori.platform.internal.tasks.TaskBoard;

/**
 * The dashboard's first card: how many tasks wait for the viewer, and how many of them are overdue.
 */
@Component
class TaskDashboard implements DashboardContributor {

    private final TaskBoard board;

    TaskDashboard(TaskBoard board) {
        this.board = board;
    }

    @Override
    public List<DashboardCard> cards(CurrentUser viewer) {
        var b = board.board(viewer);
        return List.of(new DashboardCard("platform.tasks.card", b.size(), "/tasks", 1,
                b.overdue().isEmpty() ? null : "platform.tasks.cardOverdue", List.of(b.overdue().size())));
    }
}
