package dev.mamori.agreement.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import dev.mamori.agreement.PledgeKind;

/**
 * Asking a person (by 社員番号) for a pledge: the secrets one a line, the project for project pledges, the
 * leaving date and an optional non-compete clause for leaving pledges.
 */
record PledgeRequestForm(@NotBlank(message = "{agreement.form.employeeNumber}") @Size(max = 50) String employeeNumber,
                         @NotNull(message = "{agreement.form.kind}") PledgeKind kind,
                         @Size(max = 20000) String secrets,
                         @Size(max = 200) String projectName,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate leavingOn,
                         @Min(value = 0, message = "{agreement.pledge.nonCompetePeriod}")
                         @Max(value = 120, message = "{agreement.pledge.nonCompetePeriod}") Integer nonCompetePeriodMonths,
                         @Size(max = 4000) String nonCompeteActivities,
                         @Size(max = 200) String nonCompeteCompensation,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn) {
}
