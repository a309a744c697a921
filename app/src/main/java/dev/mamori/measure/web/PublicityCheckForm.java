package dev.mamori.measure.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import dev.mamori.measure.PublicityCheck;

/** Recording a publicity check on a secret's readiness page. */
record PublicityCheckForm(@NotNull(message = "{measure.publicity.dateRequired}")
                          @PastOrPresent(message = "{measure.publicity.dateFuture}")
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkedOn,
                          @NotBlank(message = "{measure.publicity.sourcesRequired}")
                          @Size(max = 2000, message = "{measure.text.tooLongPlain}") String sources,
                          @NotNull(message = "{measure.publicity.resultRequired}") PublicityCheck.Result result,
                          @Size(max = 2000, message = "{measure.text.tooLongPlain}") String note) {
}
