package dev.mamori.platform.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.mamori.platform.MamoriException;
import dev.mamori.platform.internal.security.ApiTokens;

/**
 * My personal API tokens: the table (a fragment for htmx, the account page otherwise), creating one
 * (its secret is shown once, on the page the creation redirects to) and revoking one.
 */
@Controller
@RequestMapping("/account/tokens")
class TokenController {

    static final String CHANGED = "platform-tokens-changed";

    private final AccountPage page;
    private final ApiTokens tokens;

    TokenController(AccountPage page, ApiTokens tokens) {
        this.page = page;
        this.tokens = tokens;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String list(Model model) {
        return page.page(model);
    }

    @HxRequest
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String table(Model model) {
        return page.tokens(model);
    }

    @PostMapping
    @PreAuthorize("isAuthenticated()")
    String create(@Valid @ModelAttribute("tokenForm") TokenForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                redirect.addFlashAttribute("issued", tokens.create(page.me().accountId(), form.name(), form.validityDays()));
                return "redirect:/account/tokens/created";
            } catch (MamoriException refusal) {
                if (!FormErrors.reject(binding, refusal)) {
                    throw refusal;
                }
            }
        }
        return page.page(model);
    }

    /** The new token's secret, once: it only exists in the flash of the creating request. */
    @GetMapping("/created")
    @PreAuthorize("isAuthenticated()")
    String show(Model model) {
        return model.containsAttribute("issued") ? "platform/token-created" : "redirect:/account";
    }

    @PostMapping("/{id}/revoke")
    @PreAuthorize("isAuthenticated()")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(page.me().accountId(), id);
        redirect.addFlashAttribute("notice", "platform.token.revoked");
        return "redirect:/account";
    }

    /** For htmx: revoke, then tell the token table to reload itself. */
    @HxRequest
    @PostMapping("/{id}/revoke")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<Void> deleteInPlace(@PathVariable long id) {
        tokens.revoke(page.me().accountId(), id);
        return ResponseEntity.noContent().header("HX-Trigger", CHANGED).build();
    }
}
