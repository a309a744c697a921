package dev.mamori.directory.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonStatus;

/**
 * The lifecycle operations offered on the person page and the API, with the states each is
 * allowed from (as {@code LifecycleState} enforces) and the dates it asks for.
 */
public enum LifecycleAction {
    JOIN("join", EnumSet.of(PersonStatus.PROSPECTIVE), true),
    LEAVE_OF_ABSENCE("leave-of-absence", EnumSet.of(PersonStatus.ACTIVE), true),
    RETURN("return", EnumSet.of(PersonStatus.ON_LEAVE), true),
    LEAVE_NOTICE("leave-notice", EnumSet.of(PersonStatus.ACTIVE, PersonStatus.ON_LEAVE, PersonStatus.LEAVING), false),
    WITHDRAW_NOTICE("leave-notice/withdraw", EnumSet.of(PersonStatus.LEAVING), false),
    LEFT("left", EnumSet.complementOf(EnumSet.of(PersonStatus.LEFT)), true);

    private final String path;
    private final Set<PersonStatus> from;
    private final boolean takesDate;

    LifecycleAction(String path, Set<PersonStatus> from, boolean takesDate) {
        this.path = path;
        this.from = from;
        this.takesDate = takesDate;
    }

    /** The last part of the URL, after {@code /people/{id}/}. */
    public String path() {
        return path;
    }

    public boolean takesDate() {
        return takesDate;
    }

    public boolean takesNoticeDates() {
        return this == LEAVE_NOTICE;
    }

    public String messageKey() {
        return "directory.lifecycle.action." + name();
    }

    public String dateMessageKey() {
        return "directory.lifecycle.date." + name();
    }

    public static List<LifecycleAction> allowedFrom(PersonStatus status) {
        return Arrays.stream(values()).filter(a -> a.from.contains(status)).toList();
    }

    public static Optional<LifecycleAction> ofPath(String path) {
        return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst();
    }

    /** Carries the operation out; the directory refuses what the lifecycle does not allow. */
    void apply(Directory directory, long personId, LocalDate date, LocalDate noticeDate, LocalDate lastWorkingDay) {
        switch (this) {
            case JOIN -> directory.join(personId, date);
            case LEAVE_OF_ABSENCE -> directory.startLeaveOfAbsence(personId, date);
            case RETURN -> directory.returnFromLeave(personId, date);
            case LEAVE_NOTICE -> directory.notifyLeave(personId, noticeDate, lastWorkingDay);
            case WITHDRAW_NOTICE -> directory.retractLeave(personId);
            case LEFT -> directory.markLeft(personId, date);
        }
    }
}
