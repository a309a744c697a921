package dev.mamori.policy.internal.documents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.mamori.directory.Directory;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.Task;
import dev.mamori.platform.TaskContributor;

/** "Read and acknowledge 秘密情報管理規程 v3" on the task board of each person still asked to. */
@Component
class AcknowledgementTasks implements TaskContributor {

    private final DocumentRepository repository;
    private final Clock clock;

    AcknowledgementTasks(DocumentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public List<Task> tasksFor(CurrentUser user) {
        if (user.personId() == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(Directory.JAPAN));
        return repository.pendingOf(user.personId()).stream()
                .map(a -> new Task("policy", "acknowledge-document", "policy.task.acknowledge",
                        List.of(a.title(), a.number()),
                        "/policy/documents/" + a.kind().slug() + "/versions/" + a.number(), a.dueOn(),
                        a.overdue(today) ? Task.Priority.HIGH : Task.Priority.NORMAL))
                .toList();
    }
}
