package dev.mamori.lifecycle.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.mamori.lifecycle.LentItemDraft;
import dev.mamori.lifecycle.LentKind;
import dev.mamori.lifecycle.Lifecycle;

/** The register of lent equipment and media: lend, take back. */
@Controller
@RequestMapping("/lifecycle/equipment")
class EquipmentController {

    private final Lifecycle lifecycle;

    EquipmentController(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @GetMapping
    @PreAuthorize(Roles.LEAVER_READERS)
    String list(@RequestParam(defaultValue = "outstanding") String show, Model model) {
        model.addAttribute("items", lifecycle.lentItems(!"all".equals(show)));
        model.addAttribute("show", "all".equals(show) ? "all" : "outstanding");
        model.addAttribute("kinds", LentKind.values());
        return "lifecycle/equipment";
    }

    @HxRequest
    @GetMapping
    @PreAuthorize(Roles.LEAVER_READERS)
    String table(@RequestParam(defaultValue = "outstanding") String show, Model model) {
        list(show, model);
        return "lifecycle/equipment :: table";
    }

    @PostMapping
    @PreAuthorize(Roles.LENDERS)
    String create(@Valid Forms.LendForm form, BindingResult binding, @RequestParam(required = false) Long back) {
        Forms.refuseInvalid(binding);
        lifecycle.lend(new LentItemDraft(form.employeeNumber(), form.kind(), form.label(), form.serial(), form.lentOn()));
        return back == null ? "redirect:/lifecycle/equipment" : "redirect:/lifecycle/leavers/" + back + "#lifecycle-items";
    }

    @PostMapping("/{id}/return")
    @PreAuthorize(Roles.LENDERS)
    String update(@PathVariable long id, @Valid Forms.ReturnForm form, BindingResult binding,
                  @RequestParam(required = false) Long back) {
        Forms.refuseInvalid(binding);
        lifecycle.returnItem(id, form.returnedOn(), form.note());
        return back == null ? "redirect:/lifecycle/equipment" : "redirect:/lifecycle/leavers/" + back + "#lifecycle-items";
    }
}
