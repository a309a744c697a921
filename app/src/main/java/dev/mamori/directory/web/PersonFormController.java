package dev.mamori.directory.web;

import java.util.Set;

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

import dev.mamori.platform.web.FormErrors;
import dev.mamori.directory.Directory;
import dev.mamori.directory.EmploymentType;
import dev.mamori.platform.ConflictException;
import dev.mamori.platform.InvalidInputException;

/**
 * Entering a person and changing their details and departments. A stale edit is refused and the
 * form shown again with what the user typed.
 */
@Controller
@RequestMapping("/directory/people")
class PersonFormController {

    private final Directory directory;

    PersonFormController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/new")
    @PreAuthorize(DirectoryAccess.ADMIN)
    String newForm(Model model) {
        return form(model, null, PersonForm.empty(directory.today()), false);
    }

    @HxRequest
    @GetMapping("/new")
    @PreAuthorize(DirectoryAccess.ADMIN)
    String newFormFragment(Model model) {
        return form(model, null, PersonForm.empty(directory.today()), true);
    }

    @PostMapping
    @PreAuthorize(DirectoryAccess.ADMIN)
    String create(@Valid @ModelAttribute("personForm") PersonForm form, BindingResult binding, HtmxRequest htmx,
                  Model model) {
        if (!binding.hasErrors()) {
            try {
                long id = directory.registerPerson(form.toDraft());
                return redirect(htmx, id);
            } catch (InvalidInputException | ConflictException ex) {
                FormErrors.bind(binding, ex, PersonForm.FIELDS);
            }
        }
        return form(model, null, form, htmx.isHtmxRequest());
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(DirectoryAccess.ADMIN)
    String editForm(@PathVariable long id, Model model) {
        return form(model, id, PersonForm.of(directory.person(id)), false);
    }

    @HxRequest
    @GetMapping("/{id}/edit")
    @PreAuthorize(DirectoryAccess.ADMIN)
    String editFormFragment(@PathVariable long id, Model model) {
        return form(model, id, PersonForm.of(directory.person(id)), true);
    }

    @PostMapping("/{id}")
    @PreAuthorize(DirectoryAccess.ADMIN)
    String update(@PathVariable long id, @Valid @ModelAttribute("personForm") PersonForm form, BindingResult binding,
                  HtmxRequest htmx, Model model) {
        if (form.version() == null) {
            binding.reject("directory.person.changedMeanwhile");
        }
        if (!binding.hasErrors()) {
            try {
                directory.updatePerson(id, form.toDraft(), form.version());
                return redirect(htmx, id);
            } catch (InvalidInputException | ConflictException ex) {
                FormErrors.bind(binding, ex, PersonForm.FIELDS);
            }
        }
        return form(model, id, form, htmx.isHtmxRequest());
    }

    private String form(Model model, Long id, PersonForm form, boolean fragment) {
        model.addAttribute("person", id == null ? null : directory.person(id));
        model.addAttribute("formAction", id == null ? "/directory/people" : "/directory/people/" + id);
        model.addAttribute("departments", DepartmentOption.of(directory.departmentTree(false), Set.of()));
        model.addAttribute("employmentTypes", EmploymentType.values());
        if (!model.containsAttribute("personForm")) {
            model.addAttribute("personForm", form);
        }
        return fragment ? "directory/person-form :: editor" : "directory/person-form";
    }

    private static String redirect(HtmxRequest htmx, long id) {
        return (htmx.isHtmxRequest() ? "redirect:htmx:" : "redirect:") + "/directory/people/" + id;
    }
}
