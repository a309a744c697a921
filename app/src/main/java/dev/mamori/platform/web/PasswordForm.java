package dev.mamori.platform.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Changing one's own password: the current one, the new one and the new one again.
 */
record PasswordForm(
        @NotBlank(message = "{platform.form.required}") String currentPassword,
        @NotBlank(message = "{platform.form.required}")
        @Size(min = 12, max = 256, message = "{platform.form.passwordLength}") String newPassword,
        @NotBlank(message = "{platform.form.required}") String confirmation) {

    static PasswordForm empty() {
        return new PasswordForm(null, null, null);
    }

    boolean confirmed() {
        return newPassword != null && newPassword.equals(confirmation);
    }
}
