package dev.mamori.directory.web;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.mamori.platform.web.FormErrors;
import dev.mamori.directory.Directory;
import dev.mamori.platform.InvalidInputException;

/**
 * Naming a department's 管理責任者 and abolishing it, from the department's edit page.
 */
@Controller
@RequestMapping("/directory/departments/{id}")
class DepartmentActionController {

    private final Directory directory;
    private final DepartmentPageModel pages;

    DepartmentActionController(Directory directory, DepartmentPageModel pages) {
        this.directory = directory;
        this.pages = pages;
    }

    @PostMapping("/managers")
    @PreAuthorize(DirectoryAccess.ADMIN)
    String assignManagers(@PathVariable long id, @ModelAttribute("managersForm") ManagersForm form,
                          BindingResult binding, Model model) {
        try {
            directory.assignManagersByEmployeeNumber(id, form.employeeNumbers());
            return "redirect:/directory/departments";
        } catch (InvalidInputException ex) {
            FormErrors.bind(binding, ex, java.util.Set.of("managers"));
        }
        return pages.formPage(model, id, null);
    }

    @PostMapping("/abolish")
    @PreAuthorize(DirectoryAccess.ADMIN)
    String abolish(@PathVariable long id, @Valid @ModelAttribute("abolishForm") AbolishForm form,
                   BindingResult binding, Model model) {
        if (!binding.hasErrors()) {
            try {
                directory.abolishDepartment(id, form.abolishedOn());
                return "redirect:/directory/departments?abolished=true";
            } catch (InvalidInputException ex) {
                FormErrors.bind(binding, ex, java.util.Set.of());
            }
        }
        return pages.formPage(model, id, null);
    }
}
