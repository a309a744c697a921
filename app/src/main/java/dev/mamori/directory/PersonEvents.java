package dev.mamori.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * Domain events of a person's lifecycle, published by the directory inside the transaction of the
 * change and delivered through the event publication registry. They carry ids and small values only.
 */
public final class PersonEvents {

    private PersonEvents() {
    }

    /** A person was entered who has not joined yet (入社予定). */
    public record PersonRegistered(long personId, String employeeNumber, LocalDate expectedJoinOn) {
    }

    /** A person joined, or was entered as already working. */
    public record PersonJoined(long personId, String employeeNumber, LocalDate joinedOn,
                               EmploymentType employmentType, Long primaryDepartmentId) {
    }

    /** A person's departments changed (異動). */
    public record PersonTransferred(long personId, Long fromPrimaryDepartmentId, Long toPrimaryDepartmentId,
                                    List<Long> fromDepartmentIds, List<Long> toDepartmentIds, LocalDate effectiveOn) {
    }

    /** Name, contact, position or employment type changed. */
    public record PersonDetailsChanged(long personId, List<String> changedFields) {
    }

    /** A leave of absence (休職) started. */
    public record PersonLeaveOfAbsenceStarted(long personId, LocalDate from) {
    }

    /** The person came back from a leave of absence. */
    public record PersonReturnedFromLeave(long personId, LocalDate on) {
    }

    /** The person gave notice of leaving, or the last working day changed (退職予定). */
    public record PersonLeaveNotified(long personId, String employeeNumber, LocalDate noticeDate,
                                      LocalDate lastWorkingDay, LocalDate previousLastWorkingDay) {
    }

    /** A notice of leaving was withdrawn. */
    public record PersonLeaveRetracted(long personId) {
    }

    /** The person left the company (退職済). */
    public record PersonLeft(long personId, String employeeNumber, LocalDate leftOn) {
    }
}
