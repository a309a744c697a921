package dev.mamori.vault.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.mamori.vault.Settlement;

/** How a numbered copy came back (回収): returned or destroyed, with an optional note. */
record SettlementForm(@NotNull(message = "{vault.copy.settlementRequired}") Settlement settledAs,
                      @Size(max = 200, message = "{vault.form.tooLong}") String note) {

    static SettlementForm empty() {
        return new SettlementForm(null, null);
    }
}
