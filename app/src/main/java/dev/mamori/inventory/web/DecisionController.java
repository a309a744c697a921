package dev.mamori.inventory.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.http.HttpServletResponse;

import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.SecrecyOutcome;
import dev.mamori.platform.InvalidInputException;

/**
 * The decision wizard (秘密情報の決定): the handbook's questions, Mamori's recommendation with its
 * reasons, and the responsible manager's decision with a reason.
 */
@Controller
@RequestMapping("/inventory/assets/{id}/decision")
class DecisionController {

    private final Inventory inventory;
    private final MessageSource messages;

    DecisionController(Inventory inventory, MessageSource messages) {
        this.inventory = inventory;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    String newForm(@PathVariable long id, Model model) {
        return page(id, DecisionForm.empty(), model);
    }

    /** Shows the recommendation for the answers given, without recording anything. */
    @PostMapping("/recommendation")
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    String preview(@PathVariable long id, @ModelAttribute DecisionForm form, Model model) {
        page(id, form, model);
        model.addAttribute("recommendation", inventory.recommend(id, form.answers()));
        return "inventory/decision";
    }

    @PostMapping
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    String create(@PathVariable long id, @ModelAttribute DecisionForm form, Model model, HttpServletResponse response) {
        page(id, form, model);
        try {
            inventory.decide(id, form.answers(), form.chosen(), form.reason());
            return "redirect:/inventory/assets/" + id;
        } catch (InvalidInputException ex) {
            model.addAttribute("recommendation", inventory.recommend(id, form.answers()));
            model.addAttribute("error", messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(),
                    LocaleContextHolder.getLocale()));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "inventory/decision";
        }
    }

    private String page(long id, DecisionForm form, Model model) {
        model.addAttribute("asset", inventory.asset(id));
        model.addAttribute("form", form);
        model.addAttribute("outcomes", SecrecyOutcome.values());
        model.addAttribute("canDecide", inventory.canDesignate(id));
        model.addAttribute("decisions", inventory.decisions(id));
        return "inventory/decision";
    }
}
