package dev.mamori.directory.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The dates of a lifecycle operation: {@code date} for joining, a leave of absence, returning and
 * leaving; {@code noticeDate} and {@code lastWorkingDay} for a notice of leaving.
 */
public record LifecycleForm(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate noticeDate,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastWorkingDay) {
}
