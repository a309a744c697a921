package dev.mamori.access.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.DashboardCard;
import dev.mamori.platform.DashboardContributor;
import dev.mamori.platform.Role;

/**
 * The check listener on the dashboard of those who connect integrations (IT_SECURITY, SYSTEM_ADMIN): where it
 * listens and how many connections are open, linking to the account page where API tokens are issued. Nothing
 * when the listener is off.
 */
@Component
class CheckListenerDashboard implements DashboardContributor {

    private final ObjectProvider<CheckListener> listener;

    CheckListenerDashboard(ObjectProvider<CheckListener> listener) {
        this.listener = listener;
    }

    @Override
    public List<DashboardCard> cards(CurrentUser viewer) {
        CheckListener l = listener.getIfAvailable();
        if (l == null || !l.isRunning() || !viewer.hasAny(Role.IT_SECURITY, Role.SYSTEM_ADMIN)) {
            return List.of();
        }
        return List.of(new DashboardCard("access.listener.card", l.openConnections(), "/account", 850,
                "access.listener.card.detail", List.of(l.address(), String.valueOf(l.port()))));
    }
}
