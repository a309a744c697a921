package dev.mamori.vault.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** Numbered copies for a meeting: the purpose, the return date and the recipients' 社員番号 as typed
 * (one per line or separated by commas). */
record DistributionForm(@NotBlank(message = "{vault.copy.purposeRequired}") @Size(max = 200, message = "{vault.form.tooLong}") String purpose,
                        @NotNull(message = "{vault.copy.dueInvalid}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
                        @NotBlank(message = "{vault.copy.recipientsRequired}") @Size(max = 4000, message = "{vault.form.tooLong}") String recipients) {

    static DistributionForm empty() {
        return new DistributionForm(null, null, null);
    }
}
