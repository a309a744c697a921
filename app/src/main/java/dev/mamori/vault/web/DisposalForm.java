package dev.mamori.vault.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The reason a document is disposed of. */
record DisposalForm(@NotBlank(message = "{vault.disposal.reasonRequired}") @Size(max = 500, message = "{vault.form.tooLong}") String reason) {
}
