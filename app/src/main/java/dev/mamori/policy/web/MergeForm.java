package dev.mamori.policy.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A proposal to merge a level into another: the target, why, and by when the managers should review.
 */
record MergeForm(@NotBlank(message = "{policy.levelChange.intoRequired}") String into,
                 @NotBlank(message = "{policy.levelChange.reasonRequired}") @Size(max = 1000, message = "{policy.level.tooLong}") String reason,
                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewBy) {

    static final java.util.Set<String> FIELDS = java.util.Set.of("into", "reason", "reviewBy");
}
