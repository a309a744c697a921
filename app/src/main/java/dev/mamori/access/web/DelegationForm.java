package dev.mamori.access.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An approver names a delegate (by 社員番号, as pages show people) for a period. */
record DelegationForm(@NotBlank(message = "{access.delegation.delegateRequired}") @Size(max = 32, message = "{access.delegation.unknownPerson}") String delegateEmployeeNumber,
                      @NotNull(message = "{access.delegation.period}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                      @NotNull(message = "{access.delegation.period}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn) {
}
