package dev.mamori.directory.web;

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
import dev.mamori.directory.Directory;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.InvalidInputException;

/**
 * The department tree, and the form to add or change a department.
 */
@Controller
@RequestMapping("/directory/departments")
class DepartmentController {

    private final Directory directory;
    private final DepartmentPageModel pages;

    DepartmentController(Directory directory, DepartmentPageModel pages) {
        this.directory = directory;
        this.pages = pages;
    }

    @GetMapping
    @PreAuthorize(DirectoryAccess.SIGNED_IN)
    String list(@RequestParam(defaultValue = "false") boolean abolished, Model model) {
        model.addAttribute("showAbolished", abolished);
        model.addAttribute("tree", directory.departmentTree(abolished));
        return "directory/departments";
    }

    @HxRequest
    @GetMapping
    @PreAuthorize(DirectoryAccess.SIGNED_IN)
    String tree(@RequestParam(defaultValue = "false") boolean abolished, Model model) {
        list(abolished, model);
        return "directory/departments :: tree";
    }

    @GetMapping("/new")
    @PreAuthorize(DirectoryAccess.ADMIN)
    String newForm(Model model) {
        return pages.formPage(model, null, null);
    }

    @HxRequest
    @GetMapping("/new")
    @PreAuthorize(DirectoryAccess.ADMIN)
    String newFormFragment(Model model) {
        return pages.formPage(model, null, "editor");
    }

    @PostMapping
    @PreAuthorize(DirectoryAccess.ADMIN)
    String create(@Valid @ModelAttribute("departmentForm") DepartmentForm form, BindingResult binding,
                  HtmxRequest htmx, Model model) {
        if (!binding.hasErrors()) {
            try {
                directory.createDepartment(form.toDraft());
                return (htmx.isHtmxRequest() ? "redirect:htmx:" : "redirect:") + "/directory/departments";
            } catch (InvalidInputException | ConflictException ex) {
                FormErrors.bind(binding, ex, DepartmentForm.FIELDS);
            }
        }
        return pages.formPage(model, null, htmx.isHtmxRequest() ? "editor" : null);
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(DirectoryAccess.ADMIN)
    String editForm(@PathVariable long id, Model model) {
        return pages.formPage(model, id, null);
    }

    @HxRequest
    @GetMapping("/{id}/edit")
    @PreAuthorize(DirectoryAccess.ADMIN)
    String editFormFragment(@PathVariable long id, Model model) {
        return pages.formPage(model, id, "editor");
    }

    @PostMapping("/{id}")
    @PreAuthorize(DirectoryAccess.ADMIN)
    String update(@PathVariable long id, @Valid @ModelAttribute("departmentForm") DepartmentForm form,
                  BindingResult binding, HtmxRequest htmx, Model model) {
        if (!binding.hasErrors()) {
            try {
                directory.updateDepartment(id, form.toDraft());
                return (htmx.isHtmxRequest() ? "redirect:htmx:" : "redirect:") + "/directory/departments";
            } catch (InvalidInputException | ConflictException ex) {
                FormErrors.bind(binding, ex, DepartmentForm.FIELDS);
            }
        }
        return pages.formPage(model, id, htmx.isHtmxRequest() ? "editor" : null);
    }
}
