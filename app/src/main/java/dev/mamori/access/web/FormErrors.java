package dev.mamori.access.web;

import java.util.Set;

import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import dev.mamori.platform.MamoriException;
import dev.mamori.platform.web.TypeMismatchCodes;

/**
 * Puts a refusal of the service beside its field when the form has it, otherwise above the form; and, for the
 * access pages' forms, words a value of the wrong type (a date or a number that is none) with
 * {@code access.form.typeMismatch} while the typed text stays in the field.
 */
@ControllerAdvice(basePackageClasses = FormErrors.class)
final class FormErrors {

    /** Refusals about the entry itself, shown beside the form's entry field. */
    private static final Set<String> ENTRY_KEYS = Set.of("access.entry.notFound", "access.grant.notDesignated");

    static void bind(MamoriException ex, BindingResult binding, Set<String> fields) {
        String field = "holder".equals(ex.field()) ? "holderRef" : ex.field();
        if (field == null && ENTRY_KEYS.contains(ex.messageKey())) {
            field = "assetId";
        }
        if (field != null && fields.contains(field)) {
            binding.rejectValue(field, ex.messageKey(), ex.args(), ex.messageKey());
        } else {
            binding.reject(ex.messageKey(), ex.args(), ex.messageKey());
        }
    }

    @InitBinder
    void codes(WebDataBinder binder) {
        binder.setMessageCodesResolver(new TypeMismatchCodes("access.form.typeMismatch"));
    }
}
