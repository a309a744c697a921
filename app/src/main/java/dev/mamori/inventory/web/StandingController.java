package dev.mamori.inventory.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.mamori.inventory.Inventory;

/**
 * The evaluation overview: every evaluated entry the viewer sees by relative tier and absolute loss.
 */
@Controller
@RequestMapping("/inventory/evaluations")
class StandingController {

    private final Inventory inventory;

    StandingController(Inventory inventory) {
        this.inventory = inventory;
    }

    @GetMapping
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    String list(Model model) {
        model.addAttribute("standings", inventory.standings());
        return "inventory/evaluations";
    }
}
