package dev.mamori.agreement.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.mamori.agreement.internal.Course;

/** A new training: questions written as {@code Q: …} with options {@code * right} / {@code - wrong}. */
record CourseForm(@NotBlank(message = "{agreement.training.titleRequired}") @Size(max = 200, message = "{agreement.form.tooLong}") String title,
                  @NotNull(message = "{agreement.training.kindRequired}") Course.Kind kind,
                  @Size(max = 50000) String material,
                  @Size(max = 20000) String quiz,
                  @Min(value = 0, message = "{agreement.training.passMarkRange}")
                  @Max(value = 100, message = "{agreement.training.passMarkRange}") Integer passMark,
                  @Size(max = 500) String acknowledgement) {
}
