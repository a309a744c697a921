package dev.mamori.agreement.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/** Assigning a course to departments (none chosen: everyone) with an optional due date. */
record AssignmentForm(List<Long> departmentIds, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn) {
}
