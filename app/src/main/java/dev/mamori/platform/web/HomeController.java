package dev.mamori.platform.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.DashboardCard;
import dev.mamori.platform.DashboardContributor;

/**
 * Login page and the dashboard with counts contributed by the modules.
 */
@Controller
class HomeController {

    private final CurrentUsers users;
    private final List<DashboardContributor> contributors;

    HomeController(CurrentUsers users, List<DashboardContributor> contributors) {
        this.users = users;
        this.contributors = contributors;
    }

    @GetMapping("/login")
    String login() {
        return "platform/login";
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String dashboard(Model model) {
        var viewer = users.require();
        model.addAttribute("cards", contributors.stream()
                .flatMap(c -> c.cards(viewer).stream())
                .sorted(Comparator.comparingInt(DashboardCard::order))
                .toList());
        return "platform/dashboard";
    }
}
