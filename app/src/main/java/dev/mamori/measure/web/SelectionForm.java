package dev.mamori.measure.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import dev.mamori.measure.SelectionStatus;

/** Selecting a measure on the board. */
record SelectionForm(@NotNull(message = "{measure.selection.measureRequired}") Long measureId,
                     @NotEmpty(message = "{measure.selection.levelsRequired}") List<String> levelCodes,
                     @Size(max = 40) String ownerEmployeeNumber, SelectionStatus status,
                     @Size(max = 2000, message = "{measure.text.tooLongPlain}") String statusReason,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
                     @Size(max = 20) String reviewInterval) {
}
