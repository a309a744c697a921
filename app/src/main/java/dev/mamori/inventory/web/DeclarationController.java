package dev.mamori.inventory.web;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.mamori.platform.web.FormErrors;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.AssetForm;
import dev.mamori.inventory.AssetKind;
import dev.mamori.inventory.DeclarationView;
import dev.mamori.inventory.DesignationDraft;
import dev.mamori.inventory.Inventory;
import dev.mamori.inventory.Origin;
import dev.mamori.platform.InvalidInputException;

/**
 * The declarations inbox: one's own declarations, and for managers those of their departments to
 * designate or reject; and the form to declare.
 */
@Controller
@RequestMapping("/inventory/declarations")
class DeclarationController {

    private final Inventory inventory;

    DeclarationController(Inventory inventory) {
        this.inventory = inventory;
    }

    @GetMapping
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    String list(Model model) {
        List<DeclarationView> all = inventory.declarations();
        model.addAttribute("declarations", all);
        model.addAttribute("handleable", all.stream().filter(inventory::canHandle).map(DeclarationView::id).toList());
        model.addAttribute("levels", inventory.levels());
        model.addAttribute("reminderDays", inventory.declarationReminderDays());
        return "inventory/declarations";
    }

    @GetMapping("/new")
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    String newForm(Model model) {
        return form(model, DeclarationForm.empty());
    }

    @PostMapping
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    String create(@Valid @ModelAttribute("declarationForm") DeclarationForm form, BindingResult binding, Model model) {
        if (!binding.hasErrors()) {
            try {
                inventory.declare(form.toDraft());
                return "redirect:/inventory/declarations";
            } catch (InvalidInputException ex) {
                FormErrors.bind(binding, ex, DeclarationForm.FIELDS);
            }
        }
        return form(model, form);
    }

    @PostMapping("/{id}/designation")
    @PreAuthorize(InventoryAccess.MANAGER)
    String designate(@PathVariable long id, @ModelAttribute ActionForms.DesignationForm form) {
        long assetId = inventory.designateDeclaration(id, new DesignationDraft(form.levelId(),
                form.holderDepartmentIds() == null ? List.of()
                        : form.holderDepartmentIds().stream().map(AccessHolder::department).toList(),
                form.secretUntil(), form.secretUntilEvent(), form.marking(), form.reason()));
        return "redirect:/inventory/assets/" + assetId;
    }

    @PostMapping("/{id}/rejection")
    @PreAuthorize(InventoryAccess.MANAGER)
    String reject(@PathVariable long id, @ModelAttribute ActionForms.ReasonForm form) {
        inventory.rejectDeclaration(id, form.reason());
        return "redirect:/inventory/declarations";
    }

    private String form(Model model, DeclarationForm form) {
        model.addAttribute("declarationForm", form);
        model.addAttribute("kinds", AssetKind.values());
        model.addAttribute("forms", AssetForm.values());
        model.addAttribute("origins", Origin.values());
        return "inventory/declaration-form";
    }
}
