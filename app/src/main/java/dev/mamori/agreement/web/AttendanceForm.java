package dev.mamori.agreement.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The employee numbers of those who attended a classroom session, separated by spaces, commas or lines. */
record AttendanceForm(@NotBlank(message = "{agreement.training.attendanceEmpty}")
                      @Size(max = 20000, message = "{agreement.form.tooLong}") String employeeNumbers) {
}
