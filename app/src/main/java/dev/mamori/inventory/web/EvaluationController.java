package dev.mamori.inventory.web;

import org.springframework.http.HttpStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.InvalidInputException;

/**
 * The evaluation form of an entry: every criterion scored on the scale with a rationale, and the loss
 * estimate as a yen range.
 */
@Controller
@RequestMapping("/inventory/assets/{id}/evaluation")
class EvaluationController {

    private final Inventory inventory;
    private final MessageSource messages;

    EvaluationController(Inventory inventory, MessageSource messages) {
        this.inventory = inventory;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(InventoryAccess.MANAGER)
    String newForm(@PathVariable long id, Model model) {
        return page(id, EvaluationForm.empty(), model);
    }

    @PostMapping
    @PreAuthorize(InventoryAccess.MANAGER)
    String create(@PathVariable long id, @ModelAttribute EvaluationForm form, Model model, HttpServletResponse response) {
        page(id, form, model);
        try {
            inventory.evaluate(id, form.toDraft());
            return "redirect:/inventory/assets/" + id;
        } catch (InvalidInputException ex) {
            model.addAttribute("error", messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(),
                    LocaleContextHolder.getLocale()));
            model.addAttribute("errorField", ex.field());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "inventory/evaluation";
        }
    }

    private String page(long id, EvaluationForm form, Model model) {
        model.addAttribute("asset", inventory.asset(id));
        if (!inventory.canEdit(id)) {
            throw new AccessRefusedException("inventory.asset.notEditable");
        }
        model.addAttribute("criteria", inventory.criteria());
        model.addAttribute("scale", inventory.scale());
        model.addAttribute("form", form);
        model.addAttribute("reviewMonths", inventory.reviewInterval().toTotalMonths());
        return "inventory/evaluation";
    }
}
