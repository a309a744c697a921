package dev.mamori.directory.web;

import java.time.LocalDate;

/**
 * The dates of a lifecycle operation: {@code date} for join, leave of absence, return and left;
 * {@code noticeDate} and {@code lastWorkingDay} for a notice of leaving; none for withdrawing it.
 */
public record LifecycleRequest(LocalDate date, LocalDate noticeDate, LocalDate lastWorkingDay) {

    static final LifecycleRequest NONE = new LifecycleRequest(null, null, null);
}
