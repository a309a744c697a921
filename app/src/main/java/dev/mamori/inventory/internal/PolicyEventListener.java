package dev.mamori.inventory.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.mamori.platform.Notice;
import dev.mamori.platform.Notifications;
import dev.mamori.policy.Level;
import dev.mamori.policy.LevelEvents;
import dev.mamori.policy.Policy;

/**
 * Follows changes of the classification scheme. When a level is to be merged away, every affected entry's
 * 管理責任者 is told (the review itself is their task, see {@link InventoryTasks}) and so are the managers
 * of the departments holding such entries — unless the level conceals its entries, whose existence only
 * their access holders may learn. A cancelled merge is announced to the same 管理責任者.
 */
@Component
class PolicyEventListener {

    private final WorkRepository work;
    private final Notifications notifications;
    private final Policy policy;

    PolicyEventListener(WorkRepository work, Notifications notifications, Policy policy) {
        this.work = work;
        this.notifications = notifications;
        this.policy = policy;
    }

    @ApplicationModuleListener
    void on(LevelEvents.LevelMergeProposed event) {
        List<WorkRepository.Due> entries = work.atLevel(event.fromCode());
        if (entries.isEmpty()) {
            return;
        }
        String from = marking(event.fromCode());
        String into = marking(event.intoCode());
        count(entries, WorkRepository.Due::responsiblePersonId).forEach((person, n) -> notifications.toPerson(person,
                new Notice("inventory.notice.levelReview", List.of(String.valueOf(n), from, into), "/tasks")));
        if (!policy.concealedLevelCodes().contains(event.fromCode())) {
            count(entries, WorkRepository.Due::departmentId).forEach((department, n) ->
                    notifications.toManagersOf(department, new Notice("inventory.notice.levelReviewDepartment",
                            List.of(String.valueOf(n), from, into), "/inventory/assets?levelId=" + event.fromCode())));
        }
    }

    @ApplicationModuleListener
    void on(LevelEvents.LevelMergeCancelled event) {
        String from = marking(event.fromCode());
        count(work.atLevel(event.fromCode()), WorkRepository.Due::responsiblePersonId).forEach((person, n) ->
                notifications.toPerson(person, new Notice("inventory.notice.levelReviewCancelled",
                        List.of(String.valueOf(n), from), "/tasks")));
    }

    private String marking(String code) {
        return policy.levels().stream().filter(l -> l.code().equals(code)).map(Level::marking).findFirst().orElse(code);
    }

    private static Map<Long, Long> count(List<WorkRepository.Due> entries, Function<WorkRepository.Due, Long> key) {
        return entries.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }
}
