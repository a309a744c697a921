package dev.mamori.measure;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * What CHIEF_OFFICER or COMMITTEE decide about a measure: the levels it serves, its owner (a directory person
 * id), status (a reason is required for NOT_APPLICABLE), due date and review interval (null: the default P12M).
 */
public record SelectionDraft(long measureId, List<String> levelCodes, Long ownerPersonId, SelectionStatus status,
                             String statusReason, LocalDate dueDate, Period reviewInterval, String note) {
}
