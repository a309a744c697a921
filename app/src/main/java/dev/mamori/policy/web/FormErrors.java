package dev.mamori.policy.web;

import java.util.Set;

import org.springframework.validation.BindingResult;

import dev.mamori.platform.MamoriException;

/** Puts a refusal of the service beside its field when the form has it, otherwise above the form. */
final class FormErrors {

    private FormErrors() {
    }

    static void bind(MamoriException ex, BindingResult binding, Set<String> fields) {
        if (ex.field() != null && fields.contains(ex.field())) {
            binding.rejectValue(ex.field(), ex.messageKey(), ex.args(), ex.messageKey());
        } else {
            binding.reject(ex.messageKey(), ex.args(), ex.messageKey());
        }
    }
}
