package dev.mamori.lifecycle;

import java.time.LocalDate;
import java.util.List;

/**
 * A hire from a competitor as the pages and the API show it, with the checks of their assigned work.
 *
 * @param nextCheckDue when the next confirmation that their work does not rely on the previous employer's
 *                     secrets is due (settings: {@code mamori.lifecycle.hire-check-interval})
 */
public record HireView(long id, long personId, String employeeNumber, String name, String departmentName,
                       String previousEmployer, String previousPosition, boolean keyPerson,
                       String confidentialityDuties, String nonCompeteDuties, LocalDate nonCompeteUntil,
                       LocalDate interviewedOn, String interviewRecord, LocalDate pledgeSignedOn, String pledgeNote,
                       Long pledgeDocumentId, String pledgeDocumentName, String pledgeSha256, String hiringReason,
                       LocalDate recordedOn, LocalDate lastCheckedOn, LocalDate nextCheckDue, List<Check> checks,
                       int version) {

    public boolean checkOverdue(LocalDate today) {
        return nextCheckDue != null && nextCheckDue.isBefore(today);
    }

    /** A confirmation that the hire's assigned work does not rely on the previous employer's secrets. */
    public record Check(LocalDate checkedOn, String note, String checkedBy) {
    }
}
