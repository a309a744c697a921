package dev.mamori.policy.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.mamori.policy.Aspect;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Policy;

/** The standard's page, for every signed-in user (the scheme's pages are LevelController's). */
@Controller
class PolicyController {

    private final Policy policy;

    PolicyController(Policy policy) {
        this.policy = policy;
    }

    @GetMapping("/policy/standard")
    @PreAuthorize("isAuthenticated()")
    String show(Model model) {
        var standard = policy.standard();
        model.addAttribute("standard", standard);
        model.addAttribute("levels", standard.levels());
        model.addAttribute("aspects", Aspect.values());
        model.addAttribute("media", Medium.values());
        return "policy/standard";
    }
}
