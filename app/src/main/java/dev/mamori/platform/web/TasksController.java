package dev.mamori.platform.web;

import java.time.LocalDate;
import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.Task;
import dev.mamori.platform.internal.tasks.TaskBoard;

/**
 * "My tasks": what every module asks of the signed-in person, overdue first. Any signed-in user sees
 * their own tasks only.
 */
@Controller
class TasksController {

    private final TaskBoard board;
    private final CurrentUsers users;
    private final MessageSource messages;

    TasksController(TaskBoard board, CurrentUsers users, MessageSource messages) {
        this.board = board;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/tasks")
    @PreAuthorize("isAuthenticated()")
    String list(Model model) {
        model.addAttribute("board", board.board(users.require()));
        return "platform/tasks";
    }

    @HxRequest
    @GetMapping("/tasks")
    @PreAuthorize("isAuthenticated()")
    String table(Model model) {
        list(model);
        return "platform/tasks :: platform-tasks";
    }

    @GetMapping(value = "/api/v1/tasks", produces = "application/json")
    @ResponseBody
    @PreAuthorize("isAuthenticated()")
    List<TaskJson> api() {
        var b = board.board(users.require());
        var locale = LocaleContextHolder.getLocale();
        return java.util.stream.Stream.concat(b.overdue().stream(), b.open().stream())
                .map(t -> new TaskJson(t.module(), t.kind(),
                        messages.getMessage(t.titleKey(), t.titleArgs().toArray(), t.titleKey(), locale),
                        t.href(), t.due(), t.priority(), t.overdue(b.today())))
                .toList();
    }

    /** A task as the API shows it, its title in the caller's language. */
    record TaskJson(String module, String kind, String title, String href, LocalDate due, Task.Priority priority,
                    boolean overdue) {
    }
}
