package dev.mamori.lifecycle;

import java.time.LocalDate;

/**
 * Domain events of the lifecycle module, published inside the transaction of the change.
 */
public final class LifecycleEvents {

    private LifecycleEvents() {
    }

    /** A leaver's heightened-monitoring window opened (on the notice, or on leaving without notice). */
    public record MonitoringWindowOpened(long personId, LocalDate from, LocalDate until) {
    }

    /** The window moved: a new last working day, or the actual day of leaving. */
    public record MonitoringWindowChanged(long personId, LocalDate from, LocalDate until) {
    }

    /** The notice was withdrawn; the window is closed. */
    public record MonitoringWindowClosed(long personId) {
    }

    /** Every step of a leaver's checklist is settled. */
    public record LeaverChecklistCompleted(long personId) {
    }
}
