package dev.mamori.platform.web;

import org.springframework.modulith.NamedInterface;
import org.springframework.validation.BindingResult;

import dev.mamori.platform.MamoriException;

/**
 * Puts a service's refusal beside the form field it concerns, so a page can show it again with what was
 * entered. Shared by the modules' page controllers (named interface {@code platform::forms}); the page shows the
 * field's errors with {@code th:errors}, in the user's language.
 */
@NamedInterface("forms")
public final class FormErrors {

    private FormErrors() {
    }

    /** Rejects the field named by the refusal; false when the form has no such field (show it as a page error). */
    public static boolean reject(BindingResult binding, MamoriException refusal) {
        String field = refusal.field();
        if (field == null || !binding.getTarget().getClass().isRecord() || !hasComponent(binding.getTarget(), field)) {
            return false;
        }
        binding.rejectValue(field, refusal.messageKey(), refusal.args(), refusal.messageKey());
        return true;
    }

    /** Rejects the refusal's field when the form has it, otherwise the form as a whole (shown above it). */
    public static void bind(BindingResult binding, MamoriException refusal) {
        if (!reject(binding, refusal)) {
            binding.reject(refusal.messageKey(), refusal.args(), refusal.messageKey());
        }
    }

    /**
     * Rejects the refusal's field when it is one of {@code fields} (for forms that are not records, or that name
     * their fields), otherwise the form as a whole.
     */
    public static void bind(BindingResult binding, MamoriException refusal, java.util.Set<String> fields) {
        if (refusal.field() != null && fields.contains(refusal.field())) {
            binding.rejectValue(refusal.field(), refusal.messageKey(), refusal.args(), refusal.messageKey());
        } else {
            binding.reject(refusal.messageKey(), refusal.args(), refusal.messageKey());
        }
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
