package dev.mamori.platform.web;

import java.time.Instant;
import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.internal.notify.NotificationService;

/**
 * The signed-in person's notification inbox; nobody reads another person's inbox.
 */
@Controller
class NotificationsController {

    private final NotificationService notifications;
    private final CurrentUsers users;
    private final MessageSource messages;

    NotificationsController(NotificationService notifications, CurrentUsers users, MessageSource messages) {
        this.notifications = notifications;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/notifications")
    @PreAuthorize("isAuthenticated()")
    String list(Model model) {
        model.addAttribute("notices", notifications.inbox(users.require().accountId()));
        return "platform/notifications";
    }

    @HxRequest
    @GetMapping("/notifications")
    @PreAuthorize("isAuthenticated()")
    String inbox(Model model) {
        list(model);
        return "platform/notifications :: platform-notifications";
    }

    @PostMapping("/notifications/{id}/read")
    @PreAuthorize("isAuthenticated()")
    String markRead(@PathVariable long id) {
        if (!notifications.markRead(users.require().accountId(), id)) {
            throw new NotFoundException("platform.notification.notFound", id);
        }
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read")
    @PreAuthorize("isAuthenticated()")
    String markAllRead() {
        notifications.markAllRead(users.require().accountId());
        return "redirect:/notifications";
    }

    @GetMapping(value = "/api/v1/notifications", produces = "application/json")
    @ResponseBody
    @PreAuthorize("isAuthenticated()")
    List<NoticeJson> api() {
        var locale = LocaleContextHolder.getLocale();
        return notifications.inbox(users.require().accountId()).stream()
                .map(n -> new NoticeJson(n.id(), messages.getMessage(n.messageKey(), n.args().toArray(),
                        n.messageKey(), locale), n.safeHref(), n.createdAt(), n.readAt()))
                .toList();
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    @ResponseBody
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<Void> apiMarkRead(@PathVariable long id) {
        if (!notifications.markRead(users.require().accountId(), id)) {
            throw new NotFoundException("platform.notification.notFound", id);
        }
        return ResponseEntity.noContent().build();
    }

    /** A notice as the API shows it, its text in the caller's language. */
    record NoticeJson(long id, String text, String href, Instant createdAt, Instant readAt) {
    }
}
