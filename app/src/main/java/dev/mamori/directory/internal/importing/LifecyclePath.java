package dev.mamori.directory.internal.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.mamori.directory.EmploymentType;
import dev.mamori.directory.PersonStatus;
import dev.mamori.directory.internal.Change;
import dev.mamori.directory.internal.LifecycleState;
import dev.mamori.directory.internal.PersonChanges;
import dev.mamori.platform.InvalidInputException;

/**
 * The lifecycle transitions that take a person from where they are to the status and dates a file
 * gives, one {@link LifecycleState} transition at a time, so that the import is held to the same
 * rules (and refused with the same messages) as the directory's own operations.
 */
final class LifecyclePath {

    /** Where the file says the person is. */
    record Target(PersonStatus status, LocalDate joinedOn, LocalDate leaveFrom, LocalDate noticeDate,
                  LocalDate lastWorkingDay, LocalDate leftOn) {
    }

    /** The state reached and the changes made on the way. */
    record Result(LifecycleState state, List<Change> changes) {
    }

    /** A transition the lifecycle refuses. */
    static final class Refused extends RuntimeException {
        final Column column;
        final String messageKey;
        final transient Object[] args;

        Refused(Column column, String messageKey, Object... args) {
            super(messageKey, null, false, false);
            this.column = column;
            this.messageKey = messageKey;
            this.args = args;
        }
    }

    private enum Step { JOIN, START_LEAVE, RETURN, NOTIFY, RETRACT, LEAVE }

    private LifecyclePath() {
    }

    /** The person whose state changes: id, 社員番号 and what the events carry. */
    record Person(long id, String employeeNumber, EmploymentType employmentType, Long primaryDepartmentId) {
    }

    static Result walk(Person p, LifecycleState from, Target t, LocalDate today) {
        LifecycleState s = from;
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Step step = next(s, t);
            if (step == null) {
                return new Result(s, changes);
            }
            try {
                switch (step) {
                    case JOIN -> {
                        LocalDate on = t.joinedOn() != null ? t.joinedOn() : today;
                        s = s.join(on);
                        changes.add(PersonChanges.joined(p.id(), p.employeeNumber(), on, p.employmentType(),
                                p.primaryDepartmentId()));
                    }
                    case START_LEAVE -> {
                        s = s.startLeaveOfAbsence(t.leaveFrom());
                        changes.add(PersonChanges.leaveOfAbsenceStarted(p.id(), t.leaveFrom()));
                    }
                    case RETURN -> {
                        s = s.returnFromLeave(today);
                        changes.add(PersonChanges.returnedFromLeave(p.id(), today));
                    }
                    case NOTIFY -> {
                        LocalDate notice = t.noticeDate() != null ? t.noticeDate() : s.noticeDate();
                        LocalDate last = t.lastWorkingDay() != null ? t.lastWorkingDay()
                                : t.status() == PersonStatus.LEFT && t.leftOn() != null ? t.leftOn() : s.lastWorkingDay();
                        LocalDate previous = s.lastWorkingDay();
                        s = s.notifyLeave(notice, last);
                        changes.add(PersonChanges.leaveNotified(p.id(), p.employeeNumber(), notice, last, previous));
                    }
                    case RETRACT -> {
                        s = s.retractLeave();
                        changes.add(PersonChanges.leaveRetracted(p.id()));
                    }
                    case LEAVE -> {
                        s = s.leave(t.leftOn());
                        changes.add(PersonChanges.left(p.id(), p.employeeNumber(), t.leftOn()));
                    }
                }
            } catch (InvalidInputException refused) {
                throw new Refused(column(step, refused), refused.messageKey(), refused.args());
            }
        }
        return new Result(s, changes);
    }

    private static Step next(LifecycleState s, Target t) {
        PersonStatus current = s.status();
        PersonStatus wanted = t.status();
        if (current == PersonStatus.LEFT) {
            if (wanted != PersonStatus.LEFT) {
                throw new Refused(Column.STATUS, "directory.lifecycle.alreadyLeft");
            }
            return t.leftOn() != null && !t.leftOn().equals(s.leftOn()) ? Step.LEAVE : null;
        }
        if (wanted == PersonStatus.PROSPECTIVE) {
            if (current == PersonStatus.PROSPECTIVE) {
                return null;
            }
            throw new Refused(Column.STATUS, "directory.import.cannotBecomeProspective", current.japanese());
        }
        return switch (current) {
            case PROSPECTIVE -> wanted == PersonStatus.LEFT ? Step.LEAVE : Step.JOIN;
            case ACTIVE -> switch (wanted) {
                case ON_LEAVE -> Step.START_LEAVE;
                case LEAVING -> t.leaveFrom() != null ? Step.START_LEAVE : Step.NOTIFY;
                case LEFT -> t.noticeDate() != null ? Step.NOTIFY : Step.LEAVE;
                default -> null;
            };
            case ON_LEAVE -> switch (wanted) {
                case ACTIVE -> Step.RETURN;
                case ON_LEAVE -> {
                    if (t.leaveFrom() != null && !t.leaveFrom().equals(s.leaveFrom())) {
                        throw new Refused(Column.LEAVE_FROM, "directory.import.leaveFromChanged", s.leaveFrom());
                    }
                    yield null;
                }
                case LEAVING -> Step.NOTIFY;
                case LEFT -> t.noticeDate() != null ? Step.NOTIFY : Step.LEAVE;
                default -> null;
            };
            case LEAVING -> switch (wanted) {
                case ACTIVE, ON_LEAVE -> Step.RETRACT;
                case LEAVING -> noticeChanged(s, t) ? Step.NOTIFY : null;
                case LEFT -> noticeChanged(s, t) ? Step.NOTIFY : Step.LEAVE;
                default -> null;
            };
            default -> null;
        };
    }

    private static boolean noticeChanged(LifecycleState s, Target t) {
        return (t.noticeDate() != null && !Objects.equals(t.noticeDate(), s.noticeDate()))
                || (t.lastWorkingDay() != null && !Objects.equals(t.lastWorkingDay(), s.lastWorkingDay()));
    }

    private static Column column(Step step, InvalidInputException refused) {
        if ("noticeDate".equals(refused.field())) {
            return Column.NOTICE_DATE;
        }
        if ("lastWorkingDay".equals(refused.field())) {
            return Column.LAST_WORKING_DAY;
        }
        if (refused.field() == null) {
            return Column.STATUS;
        }
        return switch (step) {
            case JOIN -> Column.JOINED_ON;
            case START_LEAVE -> Column.LEAVE_FROM;
            case NOTIFY -> Column.NOTICE_DATE;
            case LEAVE -> Column.LEFT_ON;
            default -> Column.STATUS;
        };
    }
}
