package dev.mamori.policy.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.mamori.policy.Aspect;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Policy;

/**
 * The standard as a matrix (aspects × levels, the three media in each cell), the ordering warnings and the
 * departments' exceptions in force. Every signed-in user reads it: it is the company's rulebook.
 */
@Controller
class StandardController {

    private final Policy policy;

    StandardController(Policy policy) {
        this.policy = policy;
    }

    @GetMapping({"/policy/standard", "/policy/standard/warnings"})
    @PreAuthorize("isAuthenticated()")
    String show(Model model) {
        var standard = policy.standard();
        model.addAttribute("standard", standard);
        model.addAttribute("levels", standard.levels());
        model.addAttribute("aspects", Aspect.values());
        model.addAttribute("media", Medium.values());
        model.addAttribute("warnings", standard.orderingWarnings());
        model.addAttribute("exceptions", policy.exceptionsInForce());
        return "policy/standard";
    }

    /** The warnings region, refreshed when a rule changes ({@code policy-standard-changed}). */
    @HxRequest
    @GetMapping("/policy/standard/warnings")
    @PreAuthorize("isAuthenticated()")
    String warnings(Model model) {
        var standard = policy.standard();
        model.addAttribute("standard", standard);
        model.addAttribute("warnings", standard.orderingWarnings());
        return "policy/standard :: warnings";
    }
}
