package dev.mamori.vault.web;

import java.util.Map;

import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import dev.mamori.platform.MamoriException;
import dev.mamori.platform.web.TypeMismatchCodes;

/**
 * The vault pages' forms: a refusal of the service goes beside its field (the service's field names mapped to
 * the form's), otherwise above the form; a value of the wrong type is worded by {@code vault.form.typeMismatch.<field>} if there is one, else by
 * {@code vault.form.typeMismatch}.
 */
@ControllerAdvice(basePackageClasses = VaultForms.class)
final class VaultForms {

    private static final Map<String, String> FIELDS = Map.of("recipientPersonIds", "recipients",
            "recipientEmployeeNumbers", "recipients");

    static void bind(MamoriException ex, BindingResult binding) {
        String field = ex.field() == null ? null : FIELDS.getOrDefault(ex.field(), ex.field());
        if (field != null && binding.getTarget() != null && hasField(binding, field)) {
            binding.rejectValue(field, ex.messageKey(), ex.args(), ex.messageKey());
        } else {
            binding.reject(ex.messageKey(), ex.args(), ex.messageKey());
        }
    }

    /** After a successful post: a redirect, which htmx follows as a whole page ({@code redirect:htmx:}). */
    static String redirect(io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest htmx, String path) {
        return (htmx.isHtmxRequest() ? "redirect:htmx:" : "redirect:") + path;
    }

    private static boolean hasField(BindingResult binding, String field) {
        for (var c : binding.getTarget().getClass().getRecordComponents()) {
            if (c.getName().equals(field)) {
                return true;
            }
        }
        return false;
    }

    @InitBinder
    void codes(WebDataBinder binder) {
        binder.setMessageCodesResolver(new TypeMismatchCodes("vault.form.typeMismatch"));
    }
}
