package dev.mamori.agreement.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An edited template text and a note on what changed. */
record TemplateForm(@NotBlank(message = "{agreement.template.empty}") @Size(max = 100000) String source,
                    @Size(max = 500, message = "{agreement.form.tooLong}") String note) {
}
