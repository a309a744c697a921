package dev.mamori.lifecycle;

import java.time.LocalDate;

/**
 * Where a step stands for one leaver.
 *
 * @param on     when it was done, refused or found not applicable (null while pending)
 * @param note   what was confirmed (who checked, what was seen)
 * @param source who answered: {@code hand:<username>} for a confirmation by hand, {@code computed}, or the
 *               name of the module whose {@link LeaverStepSource} answered
 */
public record StepState(Status status, LocalDate on, String note, String source) {

    public enum Status {
        PENDING, DONE, REFUSED, NOT_APPLICABLE;

        /** No more work: done, refused (recorded as such) or not applicable. */
        public boolean settled() {
            return this != PENDING;
        }

        public String messageKey() {
            return "lifecycle.state." + name();
        }
    }

    public static StepState pending() {
        return new StepState(Status.PENDING, null, null, null);
    }
}
