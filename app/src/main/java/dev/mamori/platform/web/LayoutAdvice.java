package dev.mamori.platform.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.NavigationContributor;
import dev.mamori.platform.NavigationItem;
import dev.mamori.platform.internal.notify.NotificationService;

/**
 * Puts what the one layout needs into every page's model: the signed-in user and the navigation.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutAdvice {

    private final CurrentUsers users;
    private final List<NavigationContributor> contributors;

    private final NotificationService notifications;

    LayoutAdvice(CurrentUsers users, List<NavigationContributor> contributors, NotificationService notifications) {
        this.users = users;
        this.contributors = contributors;
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotices")
    Long unreadNotices() {
        return users.current().map(user -> notifications.unread(user.accountId())).orElse(0L);
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return users.current().orElse(null);
    }

    @ModelAttribute("requestPath")
    String requestPath(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation() {
        return users.current().map(user -> contributors.stream()
                        .flatMap(c -> c.navigationItems().stream())
                        .filter(item -> item.visibleFor(user))
                        .sorted(Comparator.comparingInt(NavigationItem::order))
                        .toList())
                .orElse(List.of());
    }
}
