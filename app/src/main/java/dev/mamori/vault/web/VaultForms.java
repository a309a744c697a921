package dev.mamori.vault.web;

import java.util.Map;

import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultMessageCodesResolver;
import org.springframework.validation.MessageCodesResolver;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import dev.mamori.platform.MamoriException;

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
        binder.setMessageCodesResolver(new MessageCodesResolver() {
            private final DefaultMessageCodesResolver codes = new DefaultMessageCodesResolver();

            @Override
            public String[] resolveMessageCodes(String errorCode, String objectName) {
                return codes.resolveMessageCodes(errorCode, objectName);
            }

            @Override
            public String[] resolveMessageCodes(String errorCode, String objectName, String field, Class<?> fieldType) {
                String[] found = codes.resolveMessageCodes(errorCode, objectName, field, fieldType);
                if (!"typeMismatch".equals(errorCode)) {
                    return found;
                }
                String[] out = new String[found.length + 2];
                out[0] = "vault.form.typeMismatch." + field;
                out[1] = "vault.form.typeMismatch";
                System.arraycopy(found, 0, out, 2, found.length);
                return out;
            }
        });
    }
}
