package dev.mamori.access.web;

import java.util.Set;

import org.springframework.validation.BindingResult;

import dev.mamori.platform.MamoriException;

/** Puts a refusal of the service beside its field when the form has it, otherwise above the form. */
final class FormErrors {

    private FormErrors() {
    }

    static void bind(MamoriException ex, BindingResult binding, Set<String> fields) {
        String field = "holder".equals(ex.field()) ? "holderRef" : ex.field();
        if (field != null && fields.contains(field)) {
            binding.rejectValue(field, ex.messageKey(), ex.args(), ex.messageKey());
        } else {
            binding.reject(ex.messageKey(), ex.args(), ex.messageKey());
        }
    }
}
