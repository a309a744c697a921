package dev.mamori.inventory.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.mamori.inventory.Inventory;

/**
 * The evaluation chart: every evaluated entry the viewer sees by relative tier and absolute loss, as SVG
 * with a table of the same data beside it.
 */
@Controller
@RequestMapping("/inventory/chart")
class StandingChartController {

    private final Inventory inventory;

    StandingChartController(Inventory inventory) {
        this.inventory = inventory;
    }

    @GetMapping
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    String list(Model model) {
        model.addAttribute("chart", StandingChart.of(inventory.standings(), inventory.levels(),
                LocaleContextHolder.getLocale()));
        return "inventory/chart";
    }
}
