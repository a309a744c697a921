package dev.mamori.policy.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.Role;
import dev.mamori.platform.Task;
import dev.mamori.platform.TaskContributor;
import dev.mamori.policy.DesignatedEntries;
import dev.mamori.policy.LevelChangeProposal;

/**
 * The proposer of a merge follows it until the managers have reviewed every entry (or cancels it).
 */
@Component
class SchemeTasks implements TaskContributor {

    private final SchemeRepository scheme;
    private final PolicyRepository policy;
    private final List<DesignatedEntries> entries;

    SchemeTasks(SchemeRepository scheme, PolicyRepository policy, List<DesignatedEntries> entries) {
        this.scheme = scheme;
        this.policy = policy;
        this.entries = entries;
    }

    @Override
    public List<Task> tasksFor(CurrentUser user) {
        if (!user.hasAny(Role.CHIEF_OFFICER, Role.COMMITTEE)) {
            return List.of();
        }
        var levels = policy.levels();
        return scheme.openChanges().stream().filter(c -> c.proposedByAccountId() == user.accountId())
                .map(c -> new Task("policy", "level-change", "policy.task.levelChange",
                        List.of(marking(levels, c.fromCode()), marking(levels, c.intoCode()), remaining(c)),
                        "/policy/level-changes/" + c.id(), c.reviewBy(), Task.Priority.NORMAL))
                .toList();
    }

    private long remaining(LevelChangeProposal change) {
        return entries.stream().mapToLong(e -> e.countAtLevel(change.fromCode())).sum();
    }

    private static String marking(List<dev.mamori.policy.Level> levels, String code) {
        return SchemeRepository.find(levels, code).map(dev.mamori.policy.Level::marking).orElse(code);
    }
}
