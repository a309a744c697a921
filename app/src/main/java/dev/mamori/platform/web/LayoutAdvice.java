package dev.mamori.platform.web;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.NavigationContributor;
import dev.mamori.platform.NavigationItem;
import dev.mamori.platform.internal.notify.NotificationService;

/**
 * Puts what the one layout needs into every page's model: the signed-in user and the navigation. The
 * advice also reaches {@code @RestController}s (they are controllers too), which render no layout: for them
 * the unread count (a query) and the navigation are not computed.
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
    Long unreadNotices(HttpServletRequest request) {
        if (!rendersPage(request)) {
            return 0L;
        }
        return users.current().map(user -> notifications.unread(user.accountId())).orElse(0L);
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return users.current().orElse(null);
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation(HttpServletRequest request) {
        if (!rendersPage(request)) {
            return List.of();
        }
        return users.current().map(user -> contributors.stream()
                        .flatMap(c -> c.navigationItems().stream())
                        .filter(item -> item.visibleFor(user))
                        .sorted(Comparator.comparingInt(NavigationItem::order))
                        .toList())
                .orElse(List.of());
    }

    /** The path of the navigation item the page belongs to, to mark that one item (and only it) as the current one. */
    @ModelAttribute("activeNavPath")
    String activeNavPath(HttpServletRequest request) {
        if (!rendersPage(request)) {
            return null;
        }
        return NavigationItem.activePath(contributors.stream().flatMap(c -> c.navigationItems().stream()).toList(),
                request.getRequestURI().substring(request.getContextPath().length()));
    }

    /** False for a handler that writes its answer as the response body (the API). */
    private static boolean rendersPage(HttpServletRequest request) {
        return !(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod h)
                || !(h.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(h.getBeanType(), ResponseBody.class));
    }
}
