package dev.mamori.access.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import jakarta.validation.constraints.NotNull;

/** An approver names a delegate for a period. */
record DelegationForm(@NotNull(message = "{access.delegation.unknownPerson}") Long delegatePersonId,
                      @NotNull(message = "{access.delegation.period}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                      @NotNull(message = "{access.delegation.period}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn) {
}
