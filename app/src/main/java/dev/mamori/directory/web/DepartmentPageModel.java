package dev.mamori.directory.web;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;

/**
 * What the department form page needs besides the forms themselves; forms already in the model
 * (a submission being shown again with its errors) are kept.
 */
@Component
class DepartmentPageModel {

    private final Directory directory;

    DepartmentPageModel(Directory directory) {
        this.directory = directory;
    }

    /** The new-department form, or the edit page of department {@code id} with its managers and abolish forms. */
    String formPage(Model model, Long id, String fragment) {
        DepartmentView department = id == null ? null : directory.department(id);
        Set<Long> excluded = id == null ? Set.of() : directory.departmentSubtree(id);
        model.addAttribute("department", department);
        model.addAttribute("formAction", id == null ? "/directory/departments" : "/directory/departments/" + id);
        model.addAttribute("parents", DepartmentOption.of(directory.departmentTree(false), excluded));
        if (!model.containsAttribute("departmentForm")) {
            model.addAttribute("departmentForm", department == null ? DepartmentForm.empty() : DepartmentForm.of(department));
        }
        if (department != null && !model.containsAttribute("managersForm")) {
            model.addAttribute("managersForm", ManagersForm.of(department));
        }
        if (department != null && !model.containsAttribute("abolishForm")) {
            model.addAttribute("abolishForm", new AbolishForm(directory.today()));
        }
        return fragment == null ? "directory/department-form" : "directory/department-form :: " + fragment;
    }
}
