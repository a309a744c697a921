package dev.mamori.measure;

/**
 * An owner's report on their selection: the new status (a reason for NOT_APPLICABLE), a note, and whether the
 * measure was reviewed now (moves the next review by the interval).
 */
public record StatusUpdate(SelectionStatus status, String statusReason, String note, boolean reviewed) {
}
