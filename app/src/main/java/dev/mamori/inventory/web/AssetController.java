package dev.mamori.inventory.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
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
import org.springframework.web.bind.annotation.RequestParam;

import dev.mamori.platform.web.FormErrors;
import dev.mamori.inventory.Inventory;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.InvalidInputException;

/**
 * The register list with filters, an entry's page with its timeline, and the entry form.
 */
@Controller
@RequestMapping("/inventory/assets")
class AssetController {

    private final Inventory inventory;
    private final AssetPageModel pages;

    AssetController(Inventory inventory, AssetPageModel pages) {
        this.inventory = inventory;
        this.pages = pages;
    }

    @GetMapping
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    String list(AssetFilter filter, @RequestParam(defaultValue = "0") int page, Model model) {
        pages.choices(model);
        model.addAttribute("filter", filter);
        model.addAttribute("assets", inventory.search(filter.toQuery(inventory.today()), page, 50));
        model.addAttribute("filterDepartments", pages.visibleDepartments());
        return "inventory/assets";
    }

    @HxRequest
    @GetMapping
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    String table(AssetFilter filter, @RequestParam(defaultValue = "0") int page, Model model) {
        list(filter, page, model);
        return "inventory/assets :: table";
    }

    @GetMapping("/{id}")
    @PreAuthorize(InventoryAccess.SIGNED_IN)
    String show(@PathVariable long id, Model model) {
        pages.detail(model, id);
        return "inventory/asset";
    }

    @GetMapping("/new")
    @PreAuthorize(InventoryAccess.MANAGER)
    String newForm(@RequestParam(required = false) String name, Model model) {
        AssetEntryForm empty = AssetEntryForm.empty();
        return pages.formPage(model, null, name == null ? empty : empty.withName(name), null);
    }

    /** While a name is typed: the naming warning alone. */
    @HxRequest
    @GetMapping("/new")
    @PreAuthorize(InventoryAccess.MANAGER)
    String nameCheck(@RequestParam(required = false) String name, Model model) {
        model.addAttribute("nameWarning", inventory.nameWarning(name).orElse(null));
        return "inventory/asset-form :: nameWarning";
    }

    @PostMapping
    @PreAuthorize(InventoryAccess.MANAGER)
    String create(@Valid @ModelAttribute("assetEntryForm") AssetEntryForm form, BindingResult binding, HtmxRequest htmx,
                  Model model) {
        if (!binding.hasErrors()) {
            try {
                long id = inventory.register(pages.draft(form));
                return (htmx.isHtmxRequest() ? "redirect:htmx:" : "redirect:") + "/inventory/assets/" + id;
            } catch (InvalidInputException | ConflictException | AccessRefusedException ex) {
                FormErrors.bind(binding, ex, AssetEntryForm.FIELDS);
            }
        }
        return pages.formPage(model, null, form, null);
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(InventoryAccess.MANAGER)
    String editForm(@PathVariable long id, Model model) {
        if (!inventory.canEdit(id)) {
            inventory.asset(id); // missing or hidden entries answer 404 first
            throw new AccessRefusedException("inventory.asset.notEditable");
        }
        return pages.formPage(model, id, pages.formOf(inventory.asset(id)), null);
    }

    @PostMapping("/{id}")
    @PreAuthorize(InventoryAccess.MANAGER)
    String update(@PathVariable long id, @Valid @ModelAttribute("assetEntryForm") AssetEntryForm form,
                  BindingResult binding, HtmxRequest htmx, Model model) {
        inventory.asset(id);
        if (!binding.hasErrors()) {
            try {
                inventory.update(id, pages.draft(form), form.version() == null ? -1 : form.version());
                return (htmx.isHtmxRequest() ? "redirect:htmx:" : "redirect:") + "/inventory/assets/" + id;
            } catch (InvalidInputException | ConflictException ex) {
                FormErrors.bind(binding, ex, AssetEntryForm.FIELDS);
            }
        }
        return pages.formPage(model, id, form, null);
    }
}
