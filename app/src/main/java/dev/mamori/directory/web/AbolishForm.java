package dev.mamori.directory.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The date a department is abolished on.
 */
public record AbolishForm(
        @NotNull(message = "{directory.lifecycle.dateRequired}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate abolishedOn) {
}
