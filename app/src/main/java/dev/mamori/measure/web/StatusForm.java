package dev.mamori.measure.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.mamori.measure.SelectionStatus;

/** An owner's status report. */
record StatusForm(@NotNull(message = "{measure.selection.statusRequired}") SelectionStatus status,
                  @Size(max = 2000, message = "{measure.text.tooLongPlain}") String statusReason,
                  @Size(max = 2000, message = "{measure.text.tooLongPlain}") String note, Boolean reviewed) {
}
