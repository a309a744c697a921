package dev.mamori.platform.internal.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.Role;
import dev.mamori.platform.Task;
import dev.mamori.platform.Task.Priority;
import dev.mamori.platform.TaskContributor;

class TaskBoardTests {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private final Clock clock = Clock.fixed(TODAY.atStartOfDay(TOKYO).toInstant(), TOKYO);
    private final CurrentUser alice = new CurrentUser(1, "alice", "Alice", 10L, Set.of(Role.EMPLOYEE), Set.of(), Locale.JAPANESE);

    @Test
    void overdueTasksComeFirstOldestFirstAndTheRestByPriorityThenDueDate() {
        TaskContributor inventory = user -> List.of(
                task("a", TODAY.plusDays(5), Priority.LOW),
                task("b", TODAY.minusDays(1), Priority.LOW),
                task("c", null, Priority.HIGH));
        TaskContributor policy = user -> List.of(
                task("d", TODAY.minusDays(10), Priority.NORMAL),
                task("e", TODAY.plusDays(2), Priority.HIGH),
                task("f", TODAY, Priority.NORMAL));

        var board = new TaskBoard(List.of(inventory, policy), clock).board(alice);

        assertThat(board.overdue()).extracting(Task::kind).containsExactly("d", "b");
        assertThat(board.open()).extracting(Task::kind).containsExactly("e", "c", "f", "a");
        assertThat(board.size()).isEqualTo(6);
    }

    @Test
    void eachContributorIsAskedForTheGivenUser() {
        TaskContributor onlyForAlice = user -> user.username().equals("alice")
                ? List.of(task("mine", null, Priority.NORMAL)) : List.of();
        var bob = new CurrentUser(2, "bob", "Bob", 11L, Set.of(Role.EMPLOYEE), Set.of(), Locale.JAPANESE);
        var taskBoard = new TaskBoard(List.of(onlyForAlice), clock);

        assertThat(taskBoard.board(alice).size()).isEqualTo(1);
        assertThat(taskBoard.board(bob).size()).isZero();
    }

    private static Task task(String kind, LocalDate due, Priority priority) {
        return new Task("inventory", kind, "platform.tasks.open", List.of(1), "/inventory", due, priority);
    }
}
