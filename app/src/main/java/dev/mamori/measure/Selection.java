package dev.mamori.measure;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/** A selected measure with its levels, owner, status, dates and evidence. */
public record Selection(long id, MeasureView measure, List<String> levelCodes, Long ownerPersonId, String ownerName,
                        SelectionStatus status, String statusReason, LocalDate dueDate, Period reviewInterval,
                        LocalDate lastReviewed, LocalDate nextReview, String note, int version,
                        List<Evidence> evidence) {

    /** Past its due date without being in place. */
    public boolean overdue(LocalDate today) {
        return dueDate != null && dueDate.isBefore(today) && !status.inPlace() && status != SelectionStatus.NOT_APPLICABLE;
    }

    /** In operation and its review date has passed. */
    public boolean reviewOverdue(LocalDate today) {
        return nextReview != null && nextReview.isBefore(today) && status != SelectionStatus.NOT_APPLICABLE;
    }
}
