package dev.mamori.policy.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.mamori.policy.Policy;

/** The scheme's page, for every signed-in user (the standard's pages: {@link StandardController}). */
@Controller
class PolicyController {

    private final Policy policy;

    PolicyController(Policy policy) {
        this.policy = policy;
    }

    @GetMapping("/policy/levels")
    @PreAuthorize("isAuthenticated()")
    String list(Model model) {
        model.addAttribute("levels", policy.levels());
        return "policy/levels";
    }
}
