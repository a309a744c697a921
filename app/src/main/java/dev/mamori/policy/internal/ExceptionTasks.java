package dev.mamori.policy.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.Role;
import dev.mamori.platform.Task;
import dev.mamori.platform.TaskContributor;
import dev.mamori.policy.ExceptionRequest;
import dev.mamori.policy.ExceptionStatus;
import dev.mamori.policy.HandlingRule;

/**
 * "An exception waits for your approval": one task per pending department exception, for the 統括責任者 and the
 * committee, except the requests they made themselves (which they may not decide). One query.
 */
@Component
class ExceptionTasks implements TaskContributor {

    private final ExceptionRepository exceptions;
    private final PolicyService policy;
    private final Directory directory;
    private final Clock clock;

    ExceptionTasks(ExceptionRepository exceptions, PolicyService policy, Directory directory, Clock clock) {
        this.exceptions = exceptions;
        this.policy = policy;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public List<Task> tasksFor(CurrentUser user) {
        if (!user.hasAny(Role.CHIEF_OFFICER, Role.COMMITTEE)) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(HandlingRule.JAPAN));
        List<ExceptionRequest> pending = exceptions.search(ExceptionStatus.PENDING, today, null, user.accountId())
                .stream().filter(e -> e.requestedByAccount() != user.accountId()).toList();
        if (pending.isEmpty()) {
            return List.of();
        }
        Map<Long, DepartmentView> departments = directory.listDepartments().stream()
                .collect(Collectors.toMap(DepartmentView::id, Function.identity()));
        Locale locale = user.locale() == null ? Locale.JAPANESE : user.locale();
        var standard = policy.standard();
        return pending.stream().map(e -> {
            DepartmentView d = departments.get(e.departmentId());
            String marking = standard.level(e.levelCode()).map(l -> l.marking()).orElse(e.levelCode());
            var rule = new DefaultMessageSourceResolvable(new String[] {"policy.rule.title"}, new Object[] {marking,
                    new DefaultMessageSourceResolvable(e.aspect().messageKey()),
                    new DefaultMessageSourceResolvable(e.medium().messageKey())});
            return new Task("policy", "exception-approval", "policy.task.exceptionApproval",
                    List.of(String.valueOf(e.id()), d == null ? String.valueOf(e.departmentId()) : d.name(locale), rule),
                    "/policy/exceptions?status=PENDING", null, Task.Priority.NORMAL);
        }).toList();
    }
}
