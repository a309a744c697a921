package dev.mamori.platform.web;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mamori.platform.MamoriException;
import dev.mamori.platform.internal.security.AccountManagement;

/**
 * "My account": who I am, my roles and language, and changing my password. Any signed-in user.
 */
@Controller
@RequestMapping("/account")
class AccountController {

    private final AccountPage page;
    private final AccountManagement accounts;

    AccountController(AccountPage page, AccountManagement accounts) {
        this.page = page;
        this.accounts = accounts;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String show(Model model) {
        return page.page(model);
    }

    @PostMapping("/password")
    @PreAuthorize("isAuthenticated()")
    String update(@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (!binding.hasFieldErrors("confirmation") && !form.confirmed()) {
            binding.rejectValue("confirmation", "platform.account.passwordMismatch");
        }
        if (!binding.hasErrors()) {
            try {
                accounts.changePassword(page.me().accountId(), form.currentPassword(), form.newPassword());
                redirect.addFlashAttribute("notice", "platform.account.passwordChanged");
                return "redirect:/account";
            } catch (MamoriException refusal) {
                if (!FormErrors.reject(binding, refusal)) {
                    throw refusal;
                }
            }
        }
        return page.page(model);
    }
}
