package dev.mamori.platform;

import java.util.List;

/**
 * Implemented by modules that give people work; the platform gathers the tasks of all modules on the
 * task page, the dashboard and {@code /api/v1/tasks}. Implementations must respect the user's scope and
 * should answer from one or two queries.
 */
public interface TaskContributor {

    List<Task> tasksFor(CurrentUser user);
}
