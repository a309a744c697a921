package dev.mamori.platform.web;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mamori.platform.MamoriException;
import dev.mamori.platform.internal.security.AccountManagement;

/**
 * The buttons on an account's page: enable, disable (which revokes its API tokens and ends its
 * sessions), unlock after failed logins, and set a new password (given or generated, shown once).
 */
@Controller
@RequestMapping("/admin/users/{id}")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class UserStatusController {

    private final AccountManagement accounts;

    UserStatusController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/enable")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        accounts.setEnabled(id, true);
        return done(id, "platform.users.enabled", redirect);
    }

    @PostMapping("/disable")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        accounts.setEnabled(id, false);
        return done(id, "platform.users.disabled", redirect);
    }

    @PostMapping("/unlock")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        accounts.unlock(id);
        return done(id, "platform.users.unlocked", redirect);
    }

    @PostMapping("/password")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String resetPassword(@PathVariable long id, @Valid @ModelAttribute("resetForm") ResetPasswordForm form,
                         BindingResult binding, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                redirect.addFlashAttribute("generatedPassword", accounts.resetPassword(id, form.password()));
                return done(id, "platform.users.passwordReset", redirect);
            } catch (MamoriException refusal) {
                if (!FormErrors.reject(binding, refusal)) {
                    throw refusal;
                }
            }
        }
        model.addAttribute("user", accounts.get(id));
        return "platform/user";
    }

    private static String done(long id, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/admin/users/" + id;
    }
}
