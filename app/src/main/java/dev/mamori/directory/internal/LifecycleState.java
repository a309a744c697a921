package dev.mamori.directory.internal;

import java.time.LocalDate;

import dev.mamori.directory.PersonStatus;
import dev.mamori.platform.InvalidInputException;

/**
 * A person's lifecycle status with its dates, and the transitions the company may make.
 * Each transition returns the new state or refuses with a message key:
 * <pre>
 * 入社予定 PROSPECTIVE --join--> 在職 ACTIVE --startLeave--> 休職 ON_LEAVE --return--> ACTIVE
 * ACTIVE / ON_LEAVE --notifyLeave--> 退職予定 LEAVING --retract--> ACTIVE
 * any but LEFT --leave--> 退職済 LEFT (LEFT is final)
 * </pre>
 */
public record LifecycleState(PersonStatus status, LocalDate joinedOn, LocalDate leaveFrom, LocalDate noticeDate,
                             LocalDate lastWorkingDay, LocalDate leftOn) {

    public static LifecycleState registered(LocalDate expectedJoinOn) {
        return new LifecycleState(PersonStatus.PROSPECTIVE, expectedJoinOn, null, null, null, null);
    }

    public static LifecycleState joined(LocalDate joinedOn) {
        return new LifecycleState(PersonStatus.ACTIVE, joinedOn, null, null, null, null);
    }

    public LifecycleState join(LocalDate on) {
        require(status == PersonStatus.PROSPECTIVE, "directory.lifecycle.joinOnlyProspective");
        requireDate(on);
        return new LifecycleState(PersonStatus.ACTIVE, on, null, null, null, null);
    }

    public LifecycleState startLeaveOfAbsence(LocalDate from) {
        require(status == PersonStatus.ACTIVE, "directory.lifecycle.leaveOfAbsenceOnlyActive");
        requireDate(from);
        notBefore(from, joinedOn, "from");
        return new LifecycleState(PersonStatus.ON_LEAVE, joinedOn, from, null, null, null);
    }

    public LifecycleState returnFromLeave(LocalDate on) {
        require(status == PersonStatus.ON_LEAVE, "directory.lifecycle.returnOnlyOnLeave");
        requireDate(on);
        notBefore(on, leaveFrom, "on");
        return new LifecycleState(PersonStatus.ACTIVE, joinedOn, null, null, null, null);
    }

    /** Gives notice of leaving, or moves the last working day of a person already leaving. */
    public LifecycleState notifyLeave(LocalDate notice, LocalDate lastDay) {
        require(status == PersonStatus.ACTIVE || status == PersonStatus.ON_LEAVE || status == PersonStatus.LEAVING,
                "directory.lifecycle.notifyOnlyCurrent");
        if (notice == null) {
            throw InvalidInputException.onField("noticeDate", "directory.lifecycle.dateRequired");
        }
        if (lastDay == null) {
            throw InvalidInputException.onField("lastWorkingDay", "directory.lifecycle.dateRequired");
        }
        if (lastDay.isBefore(notice)) {
            throw InvalidInputException.onField("lastWorkingDay", "directory.lifecycle.lastDayBeforeNotice");
        }
        return new LifecycleState(PersonStatus.LEAVING, joinedOn, leaveFrom, notice, lastDay, null);
    }

    public LifecycleState retractLeave() {
        require(status == PersonStatus.LEAVING, "directory.lifecycle.retractOnlyLeaving");
        return new LifecycleState(leaveFrom != null ? PersonStatus.ON_LEAVE : PersonStatus.ACTIVE, joinedOn, leaveFrom,
                null, null, null);
    }

    public LifecycleState leave(LocalDate on) {
        require(status != PersonStatus.LEFT, "directory.lifecycle.alreadyLeft");
        requireDate(on);
        if (status != PersonStatus.PROSPECTIVE) {
            notBefore(on, joinedOn, "leftOn");
        }
        return new LifecycleState(PersonStatus.LEFT, joinedOn, leaveFrom, noticeDate,
                lastWorkingDay != null ? lastWorkingDay : on, on);
    }

    private static void require(boolean condition, String key) {
        if (!condition) {
            throw new InvalidInputException(key);
        }
    }

    private static void requireDate(LocalDate date) {
        if (date == null) {
            throw InvalidInputException.onField("date", "directory.lifecycle.dateRequired");
        }
    }

    private static void notBefore(LocalDate date, LocalDate earliest, String field) {
        if (earliest != null && date.isBefore(earliest)) {
            throw InvalidInputException.onField(field, "directory.lifecycle.dateBeforeEarlier", earliest);
        }
    }
}
