package dev.mamori.inventory.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.http.HttpServletResponse;

import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.DesignationDraft;
import dev.mamori.inventory.Disposal;
import dev.mamori.inventory.Inventory;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.MamoriException;

/**
 * The actions on an entry's page. A refused action shows the entry again with the reason beside the
 * action; refusals of access go to the error page (404 for hidden entries, 403 otherwise).
 */
@Controller
@RequestMapping("/inventory/assets/{id}")
class AssetActionController {

    private final Inventory inventory;
    private final AssetPageModel pages;
    private final MessageSource messages;

    AssetActionController(Inventory inventory, AssetPageModel pages, MessageSource messages) {
        this.inventory = inventory;
        this.pages = pages;
        this.messages = messages;
    }

    @PostMapping("/stage")
    @PreAuthorize(InventoryAccess.MANAGER)
    String moveStage(@PathVariable long id, @ModelAttribute ActionForms.StageForm form, Model model,
                     HttpServletResponse response) {
        return run(id, "stage", () -> inventory.moveStage(id, form.stage()), model, response);
    }

    @PostMapping("/unneeded")
    @PreAuthorize(InventoryAccess.MANAGER)
    String markUnneeded(@PathVariable long id, @ModelAttribute ActionForms.ReasonForm form, Model model,
                        HttpServletResponse response) {
        return run(id, "unneeded", () -> inventory.markUnneeded(id, form.reason()), model, response);
    }

    @PostMapping("/disposal")
    @PreAuthorize(InventoryAccess.MANAGER)
    String dispose(@PathVariable long id, @ModelAttribute ActionForms.DisposalForm form, Model model,
                   HttpServletResponse response) {
        return run(id, "disposal", () -> inventory.dispose(id, new Disposal(form.method(), form.on(),
                pages.personId(form.byEmployeeNumber(), "byPersonId"),
                pages.personId(form.witnessEmployeeNumber(), "witnessPersonId"))), model, response);
    }

    @PostMapping("/designation")
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    String designate(@PathVariable long id, @ModelAttribute ActionForms.DesignationForm form, Model model,
                     HttpServletResponse response) {
        return run(id, "designation", () -> inventory.designate(id, new DesignationDraft(form.levelId(), holders(form),
                form.secretUntil(), form.secretUntilEvent(), form.marking(), form.reason())), model, response);
    }

    @PostMapping("/declassification")
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    String declassify(@PathVariable long id, @ModelAttribute ActionForms.ReasonForm form, Model model,
                      HttpServletResponse response) {
        return run(id, "declassification", () -> inventory.declassify(id, form.reason()), model, response);
    }

    private List<AccessHolder> holders(ActionForms.DesignationForm f) {
        List<AccessHolder> holders = new ArrayList<>();
        if (f.holderEmployeeNumbers() != null) {
            for (String number : f.holderEmployeeNumbers().split("[,、\\s]+")) {
                if (!number.isBlank()) {
                    holders.add(AccessHolder.person(pages.personId(number, "holders")));
                }
            }
        }
        if (f.holderDepartmentIds() != null) f.holderDepartmentIds().forEach(d -> holders.add(AccessHolder.department(d)));
        if (f.holderRoles() != null) f.holderRoles().forEach(r -> holders.add(AccessHolder.role(r)));
        if (f.holderGroupIds() != null) f.holderGroupIds().forEach(g -> holders.add(AccessHolder.group(g)));
        return holders;
    }

    private String run(long id, String action, Runnable work, Model model, HttpServletResponse response) {
        inventory.asset(id); // missing or hidden: 404 before anything else
        try {
            work.run();
            return "redirect:/inventory/assets/" + id;
        } catch (InvalidInputException | ConflictException ex) {
            pages.detail(model, id);
            model.addAttribute("failedAction", action);
            model.addAttribute("actionError", message(ex));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "inventory/asset";
        }
    }

    private String message(MamoriException ex) {
        return messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), LocaleContextHolder.getLocale());
    }
}
