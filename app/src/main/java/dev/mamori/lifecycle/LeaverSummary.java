package dev.mamori.lifecycle;

import java.time.LocalDate;

import dev.mamori.directory.PersonStatus;

/**
 * A leaver's row on the dashboard: who, the dates, how many steps are settled and overdue, and the
 * earliest deadline of a step still pending.
 */
public record LeaverSummary(long personId, String employeeNumber, String name, String departmentName,
                            PersonStatus status, LocalDate noticeDate, LocalDate lastWorkingDay, LocalDate leftOn,
                            boolean retracted, int settled, int total, int overdue, LocalDate nextDue,
                            MonitoringWindow window) {

    public boolean complete() {
        return settled == total;
    }
}
