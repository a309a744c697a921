package dev.mamori.vault.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.NavigationContributor;
import dev.mamori.platform.NavigationItem;
import dev.mamori.platform.Role;
import dev.mamori.platform.Task;
import dev.mamori.platform.TaskContributor;
import dev.mamori.vault.CopyView;

/**
 * The vault's pages in the navigation (documents and numbered copies for everyone signed in, identification for
 * the roles that investigate leaks), and tasks for numbered copies: the holder returns it, the issuer collects it.
 */
@Component
class VaultNavigation implements NavigationContributor, TaskContributor {

    static final Set<Role> IDENTIFIERS = Set.of(Role.CHIEF_OFFICER, Role.IT_SECURITY, Role.AUDITOR, Role.LEGAL, Role.MANAGER);

    private final VaultService service;

    VaultNavigation(VaultService service) {
        this.service = service;
    }

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("vault", "vault.nav.documents", "/vault", 570, Set.of()),
                new NavigationItem("vault-copies", "vault.nav.copies", "/vault/copies", 575, Set.of()),
                new NavigationItem("vault-identify", "vault.nav.identify", "/vault/identify", 580, IDENTIFIERS));
    }

    @Override
    public List<Task> tasksFor(CurrentUser user) {
        if (user.personId() == null) {
            return List.of();
        }
        var today = service.today();
        List<Task> tasks = new ArrayList<>();
        for (CopyView c : service.openCopiesOf(user.personId())) {
            Task.Priority priority = c.overdue(today) ? Task.Priority.HIGH : Task.Priority.NORMAL;
            if (c.personId() == user.personId()) {
                tasks.add(new Task("vault", "copy-return", "vault.task.returnCopy",
                        List.of(c.documentTitle(), c.copyNumber()), "/vault/copies", c.dueOn(), priority));
            } else {
                tasks.add(new Task("vault", "copy-collect", "vault.task.collectCopy",
                        List.of(c.documentTitle(), c.copyNumber(), c.recipientName()), "/vault/copies", c.dueOn(), priority));
            }
        }
        return tasks;
    }
}
