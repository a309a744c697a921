package dev.mamori.platform.web;

import org.springframework.validation.BindingResult;

import dev.mamori.platform.MamoriException;

/**
 * Puts a service's refusal beside the form field it concerns.
 */
final class FormErrors {

    private FormErrors() {
    }

    /** Rejects the field named by the refusal; false when the form has no such field (show it as a page error). */
    static boolean reject(BindingResult binding, MamoriException refusal) {
        String field = refusal.field();
        if (field == null || !binding.getTarget().getClass().isRecord() || !hasComponent(binding.getTarget(), field)) {
            return false;
        }
        binding.rejectValue(field, refusal.messageKey(), refusal.args(), refusal.messageKey());
        return true;
    }

    private static boolean hasComponent(Object form, String name) {
        for (var component : form.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
