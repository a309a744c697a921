package dev.mamori.platform.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;

/**
 * A new personal API token: a name to recognise it by and how many days it is valid.
 */
record TokenForm(
        @NotBlank(message = "{platform.form.required}")
        @Size(max = 100, message = "{platform.form.tooLong}") String name,
        @NotNull(message = "{platform.form.required}")
        @Range(min = 1, max = 365, message = "{platform.token.validityRange}") Integer validityDays) {
}
