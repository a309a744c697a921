package dev.mamori.platform.web;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mamori.platform.MamoriException;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.AccountManagement;
import dev.mamori.platform.internal.security.AccountManagement.AccountChanges;
import dev.mamori.platform.internal.security.AccountManagement.NewAccount;

/**
 * User administration for system administrators: the list, one account, creating and editing accounts.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class UsersController {

    private final AccountManagement accounts;

    UsersController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("allRoles")
    Role[] allRoles() {
        return Role.values();
    }

    @ModelAttribute("directoryAvailable")
    boolean directoryAvailable() {
        return accounts.directoryAvailable();
    }

    @GetMapping
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("users", accounts.list(q));
        return "platform/users";
    }

    @HxRequest
    @GetMapping
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String table(@RequestParam(required = false) String q, Model model) {
        list(q, model);
        return "platform/users :: table";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("user", accounts.get(id));
        if (!model.containsAttribute("resetForm")) {
            model.addAttribute("resetForm", new ResetPasswordForm(null));
        }
        return "platform/user";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String newForm(Model model) {
        model.addAttribute("userForm", UserForm.empty());
        return "platform/user-new";
    }

    @PostMapping
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String create(@Valid @ModelAttribute("userForm") UserForm form, BindingResult binding, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                var created = accounts.create(new NewAccount(form.username(), form.displayName(), form.password(),
                        form.employeeNumber(), form.chosenRoles(), UserForm.codes(form.departmentCodes())));
                redirect.addFlashAttribute("generatedPassword", created.generatedPassword());
                redirect.addFlashAttribute("notice", "platform.users.created");
                return "redirect:/admin/users/" + created.id();
            } catch (MamoriException refusal) {
                if (!FormErrors.reject(binding, refusal)) {
                    throw refusal;
                }
            }
        }
        return "platform/user-new";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String editForm(@PathVariable long id, Model model) {
        var user = accounts.get(id);
        model.addAttribute("user", user);
        model.addAttribute("userEditForm", UserEditForm.of(user));
        return "platform/user-edit";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String update(@PathVariable long id, @Valid @ModelAttribute("userEditForm") UserEditForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                accounts.update(id, new AccountChanges(form.displayName(), form.employeeNumber(), form.chosenRoles(),
                        UserForm.codes(form.departmentCodes()), null));
                redirect.addFlashAttribute("notice", "platform.users.updated");
                return "redirect:/admin/users/" + id;
            } catch (MamoriException refusal) {
                if (!FormErrors.reject(binding, refusal)) {
                    throw refusal;
                }
            }
        }
        model.addAttribute("user", accounts.get(id));
        return "platform/user-edit";
    }
}
