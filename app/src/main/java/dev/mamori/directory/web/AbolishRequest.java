package dev.mamori.directory.web;

import java.time.LocalDate;

/**
 * When a department is abolished; today when left out.
 */
public record AbolishRequest(LocalDate abolishedOn) {
}
