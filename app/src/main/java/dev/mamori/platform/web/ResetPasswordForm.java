package dev.mamori.platform.web;

import jakarta.validation.constraints.Size;

/**
 * A new password for an account, set by the administrator; blank means "generate one".
 */
record ResetPasswordForm(@Size(max = 256, message = "{platform.form.tooLong}") String password) {
}
