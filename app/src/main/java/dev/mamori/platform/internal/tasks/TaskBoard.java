package dev.mamori.platform.internal.tasks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.Task;
import dev.mamori.platform.TaskContributor;

/**
 * Gathers every module's tasks for one user: overdue first, then by priority and due date.
 */
@Service
public class TaskBoard {

    private static final Comparator<Task> ORDER = Comparator
            .comparing((Task t) -> t.due() == null ? LocalDate.MAX : t.due())
            .thenComparing(Task::priority);

    private final List<TaskContributor> contributors;
    private final Clock clock;

    TaskBoard(List<TaskContributor> contributors, Clock clock) {
        this.contributors = contributors;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Board board(CurrentUser user) {
        LocalDate today = LocalDate.now(clock);
        List<Task> tasks = contributors.stream().flatMap(c -> c.tasksFor(user).stream()).toList();
        List<Task> overdue = tasks.stream().filter(t -> t.overdue(today)).sorted(ORDER).toList();
        List<Task> open = tasks.stream().filter(t -> !t.overdue(today))
                .sorted(Comparator.comparing(Task::priority).thenComparing(ORDER)).toList();
        return new Board(today, overdue, open);
    }

    /** Overdue tasks and the others, each in the order to work on them. */
    public record Board(LocalDate today, List<Task> overdue, List<Task> open) {

        public int size() {
            return overdue.size() + open.size();
        }
    }
}
