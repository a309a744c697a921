package dev.mamori.lifecycle.internal;

import java.time.LocalDate;

import dev.mamori.lifecycle.LeaverStep;
import dev.mamori.lifecycle.MonitoringWindow;

/**
 * The rule for a leaver's dates: each step's deadline and the monitoring window. Plain Java.
 */
public final class Deadlines {

    private final LifecycleProperties properties;

    public Deadlines(LifecycleProperties properties) {
        this.properties = properties;
    }

    /** The day work ends: the last working day, else the day they left, else the notice. */
    public static LocalDate lastDay(LocalDate notice, LocalDate lastWorkingDay, LocalDate leftOn) {
        return lastWorkingDay != null ? lastWorkingDay : leftOn != null ? leftOn : notice;
    }

    public LocalDate due(LeaverStep step, LocalDate notice, LocalDate lastWorkingDay, LocalDate leftOn) {
        if (step == LeaverStep.MONITORING) {
            return null;
        }
        if (step == LeaverStep.ACCESS_RESTRICTED) {
            return notice == null ? lastDay(null, lastWorkingDay, leftOn)
                    : notice.plusDays(properties.restrictDaysAfterNotice());
        }
        Integer offset = properties.deadlineDaysOf(step);
        LocalDate last = lastDay(notice, lastWorkingDay, leftOn);
        if (offset == null || last == null) {
            return null;
        }
        LocalDate due = last.plusDays(offset);
        return notice != null && due.isBefore(notice) ? notice : due;
    }

    public MonitoringWindow window(long personId, LocalDate notice, LocalDate lastWorkingDay, LocalDate leftOn) {
        LocalDate last = lastDay(notice, lastWorkingDay, leftOn);
        LocalDate start = notice != null ? notice : last;
        LocalDate end = leftOn != null && (lastWorkingDay == null || leftOn.isAfter(lastWorkingDay)) ? leftOn : last;
        return new MonitoringWindow(personId, start.minusDays(properties.monitoringDaysBeforeNotice()),
                end.plusDays(properties.monitoringDaysAfterLeaving()));
    }
}
