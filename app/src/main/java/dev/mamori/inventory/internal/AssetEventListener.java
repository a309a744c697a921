package dev.mamori.inventory.internal;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.mamori.inventory.AssetEvents;
import dev.mamori.platform.Notice;
import dev.mamori.platform.Notifications;
import dev.mamori.policy.Policy;

/**
 * Follows the register's own events: reminds the department's managers of a declaration left unanswered,
 * and when an entry leaves its level (reclassified, declassified, disposed) lets the scheme complete a
 * merge that no longer has entries to wait for.
 */
@Component
class AssetEventListener {

    private final DeclarationRepository declarations;
    private final Notifications notifications;
    private final Policy policy;

    AssetEventListener(DeclarationRepository declarations, Notifications notifications, Policy policy) {
        this.declarations = declarations;
        this.notifications = notifications;
        this.policy = policy;
    }

    @ApplicationModuleListener
    void on(AssetEvents.DeclarationReminderDue event) {
        declarations.findById(event.declarationId()).filter(d -> d.open()).ifPresent(d ->
                notifications.toManagersOf(event.departmentId(), new Notice("inventory.notice.declarationReminder",
                        List.of(d.title(), d.declaredOn().toString()),
                        "/inventory/declarations#inventory-declaration-" + d.id())));
    }

    @ApplicationModuleListener
    void on(AssetEvents.AssetReclassified event) {
        policy.completeSettledChanges();
    }

    @ApplicationModuleListener
    void on(AssetEvents.AssetDeclassified event) {
        policy.completeSettledChanges();
    }

    @ApplicationModuleListener
    void on(AssetEvents.AssetDisposed event) {
        policy.completeSettledChanges();
    }
}
